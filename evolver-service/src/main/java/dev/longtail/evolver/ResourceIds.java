package dev.longtail.evolver;

import java.util.Optional;
import java.util.UUID;

/** Reads the id in a resource's path: anything that is not a UUID names no resource (404, not 400). */
public final class ResourceIds {

    private ResourceIds() {
    }

    /** The UUID in {@code id}, or empty when it is none. */
    public static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
