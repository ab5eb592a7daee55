package dev.longtail.generator.backend;

/** A failure another attempt may cure: the fault-tolerance retry acts on exactly this type. */
public class RetryableBackendException extends BackendException {

    public RetryableBackendException(String message, long retryAfterMillis, Throwable cause) {
        super(message, true, retryAfterMillis, cause);
    }
}
