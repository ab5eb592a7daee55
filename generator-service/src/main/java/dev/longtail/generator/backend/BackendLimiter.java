package dev.longtail.generator.backend;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The limits of one backend, shared by the API, the jobs and the Kafka loop: a fair concurrency limit and an
 * optional tokens-per-minute budget. Callers wait (bounded) rather than being rejected, which is what slows the
 * Kafka consumer down to the backend's pace.
 */
public final class BackendLimiter {

    private final int maxConcurrency;
    private final Semaphore slots;
    private final TokenBucket tokens;

    /** {@code tokensPerMinute} 0 means no token budget. */
    public BackendLimiter(int maxConcurrency, long tokensPerMinute) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.slots = new Semaphore(maxConcurrency, true);
        this.tokens = tokensPerMinute > 0 ? new TokenBucket(tokensPerMinute, System::nanoTime) : null;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Requests running now. */
    public int inFlight() {
        return maxConcurrency - slots.availablePermits();
    }

    /** Tokens left in this minute's budget, or -1 without a budget. */
    public long tokensAvailable() {
        return tokens == null ? -1 : (long) tokens.available();
    }

    /**
     * Waits for a slot and for {@code estimatedTokens} of budget, at most {@code maxWait}; throws a retryable
     * {@link BackendException} when the wait runs out.
     */
    public Permit acquire(long estimatedTokens, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RetryableBackendException("no concurrency slot within " + maxWait
                        + " (limit " + maxConcurrency + ")", -1, null);
            }
            if (tokens != null) {
                long wait;
                while ((wait = tokens.tryTake(estimatedTokens)) > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        slots.release();
                        throw new RetryableBackendException("tokens-per-minute budget exhausted for " + maxWait, -1, null);
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, left));
                }
            }
            return new Permit(estimatedTokens);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for the backend's limits", false, -1, e);
        }
    }

    /**
     * A slot and {@code estimatedTokens} of budget if both are free right now, else null (the caller then waits on a
     * worker thread with {@link #acquire}). Respects the queue of waiting callers: a fair semaphore's timed try with
     * no wait does not barge past them.
     */
    public Permit tryAcquireNow(long estimatedTokens) {
        try {
            if (!slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (tokens != null && tokens.tryTake(estimatedTokens) > 0) {
            slots.release();
            return null;
        }
        return new Permit(estimatedTokens);
    }

    /** A held slot and reserved budget; release it once with the tokens really used. */
    public final class Permit {
        private final long reserved;
        private boolean released;

        private Permit(long reserved) {
            this.reserved = reserved;
        }

        public synchronized void release(long usedTokens) {
            if (released) {
                return;
            }
            released = true;
            if (tokens != null) {
                tokens.settle(reserved, usedTokens);
            }
            slots.release();
        }
    }
}
