package dev.longtail.curator;

import dev.longtail.support.ProblemException;
import java.util.UUID;

/** Parses ids from requests, answering 400 for anything that is not a UUID. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(what + " must be a UUID, was " + value);
        }
    }
}
