package dev.longtail.support;

import java.util.UUID;

/** Parses ids from requests, answering 400 for anything that is not a UUID. */
public final class Ids {

    private Ids() {
    }

    /** The UUID in {@code value}, or a 400 problem naming {@code what}. */
    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(what + " must be a UUID, was " + value);
        }
    }
}
