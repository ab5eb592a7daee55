package dev.longtail.generator.backend;

import java.util.function.LongSupplier;

/**
 * A tokens-per-minute budget: a bucket of {@code tokensPerMinute} that refills continuously. A call reserves its
 * estimated tokens before it runs and settles the difference with the real count after, so that a long
 * completion delays the next calls instead of overrunning the server's quota. Plain Java; the clock is injected.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private double available;
    private long refilledAt;

    public TokenBucket(long tokensPerMinute, LongSupplier nanoClock) {
        if (tokensPerMinute <= 0) {
            throw new IllegalArgumentException("tokensPerMinute must be > 0, was " + tokensPerMinute);
        }
        this.capacity = tokensPerMinute;
        this.refillPerNano = tokensPerMinute / 60e9;
        this.nanoClock = nanoClock;
        this.available = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /**
     * Takes {@code tokens} (at most the whole bucket) if they are there now; otherwise returns how many
     * nanoseconds to wait before they will be, and takes nothing.
     */
    public synchronized long tryTake(long tokens) {
        refill();
        double wanted = Math.min(tokens, capacity);
        if (available >= wanted) {
            available -= wanted;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((wanted - available) / refillPerNano));
    }

    /** Corrects a reservation with the real count: unused tokens return, extra tokens are owed (may go below 0). */
    public synchronized void settle(long reserved, long used) {
        refill();
        available = Math.min(capacity, available + Math.min(reserved, (long) capacity) - used);
    }

    /** Tokens available now. */
    public synchronized double available() {
        refill();
        return available;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        available = Math.min(capacity, available + (now - refilledAt) * refillPerNano);
        refilledAt = now;
    }
}
