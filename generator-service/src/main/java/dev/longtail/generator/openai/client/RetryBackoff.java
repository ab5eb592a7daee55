package dev.longtail.generator.openai.client;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

import dev.longtail.generator.backend.BackendException;

/**
 * Exponential backoff with jitter for one guarded call: delay d·2^(n−1) capped at the maximum, of which a random
 * share {@code jitter} is dropped (so concurrent callers spread out); a server's {@code Retry-After} wins when it
 * asks for longer, still capped at the maximum.
 */
final class RetryBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private final double jitter;
    private long initialDelayMillis;
    private int retries;

    RetryBackoff(long maxDelayMillis, double jitter) {
        this.maxDelayMillis = maxDelayMillis;
        this.jitter = Math.max(0, Math.min(1, jitter));
    }

    @Override
    public void init(long initialDelayInMillis) {
        this.initialDelayMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long base = Math.min(maxDelayMillis, initialDelayMillis << Math.min(retries, 30));
        retries++;
        long delay = base - (long) (base * jitter * ThreadLocalRandom.current().nextDouble());
        if (cause instanceof BackendException backend && backend.retryAfterMillis() > delay) {
            delay = Math.min(maxDelayMillis, backend.retryAfterMillis());
        }
        return Math.max(0, delay);
    }
}
