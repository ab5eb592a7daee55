package dev.longtail.generator.backend;

/**
 * A backend could not answer. {@link #retryable()} says whether another attempt may succeed (429, 5xx,
 * timeouts, transport errors, truncated streams) or not (other 4xx, malformed answers).
 */
public class BackendException extends RuntimeException {

    private final boolean retryable;
    private final long retryAfterMillis;

    public BackendException(String message, boolean retryable, long retryAfterMillis, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfterMillis = retryAfterMillis;
    }

    public static BackendException permanent(String message) {
        return new BackendException(message, false, -1, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The server's Retry-After in milliseconds, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
