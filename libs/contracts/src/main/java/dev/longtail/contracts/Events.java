package dev.longtail.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes the loop's events as JSON, and checks their schema version. */
public final class Events {

    /** The schema version every event carries; consumers reject versions they do not know. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /** Serialises an event to JSON. */
    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses an event and checks its schema version.
     *
     * @throws InvalidEventException with a readable reason when the JSON is malformed, incomplete or of
     *                               an unknown schema version (the consumer dead-letters it)
     */
    public static <T extends VersionedEvent> T read(String json, Class<T> type) {
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (event == null) {
            throw new InvalidEventException("empty " + type.getSimpleName());
        }
        if (event.schemaVersion() != SCHEMA_VERSION) {
            throw new InvalidEventException(type.getSimpleName() + " has schema version " + event.schemaVersion()
                    + ", this service reads version " + SCHEMA_VERSION);
        }
        return event;
    }

    /** An event that cannot be processed as it stands: the reason goes to the dead-letter topic. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }

        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Events() {
    }
}
