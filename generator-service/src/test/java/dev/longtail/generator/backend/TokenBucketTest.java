package dev.longtail.generator.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The per-backend limits: token budget and concurrency slots. */
class TokenBucketTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void shouldMakeACallWaitOnceTheMinutesBudgetIsSpent() {
        var bucket = new TokenBucket(600, clock::get);
        assertEquals(0, bucket.tryTake(600));
        long wait = bucket.tryTake(60);
        assertEquals(Duration.ofSeconds(6).toNanos(), wait, Duration.ofMillis(1).toNanos(), "600/min refills 60 tokens in 6 s");
        clock.addAndGet(wait);
        assertEquals(0, bucket.tryTake(60));
    }

    @Test
    void shouldReturnUnusedReservedTokensAndOweExtraOnes() {
        var bucket = new TokenBucket(1000, clock::get);
        bucket.tryTake(500);
        bucket.settle(500, 100);
        assertEquals(900, bucket.available(), 1e-6);
        bucket.settle(0, 1500);
        assertTrue(bucket.available() < 0, "a completion longer than its reservation is owed by the next calls");
    }

    @Test
    void shouldNeverAskForMoreThanTheWholeBucket() {
        var bucket = new TokenBucket(100, clock::get);
        assertEquals(0, bucket.tryTake(10_000), "a call larger than the budget still runs, alone in its minute");
        assertTrue(bucket.tryTake(1) > 0);
    }

    @Test
    void shouldFailACallThatCannotGetASlotInTime() {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquire(10, Duration.ofSeconds(1));
        assertEquals(1, limiter.inFlight());
        var e = assertThrows(BackendException.class, () -> limiter.acquire(10, Duration.ofMillis(50)));
        assertTrue(e.retryable(), e.getMessage());
        held.release(10);
        held.release(10);
        assertEquals(0, limiter.inFlight(), "a permit released twice frees one slot");
    }

    @Test
    void shouldFailACallThatCannotGetTokenBudgetInTime() {
        var limiter = new BackendLimiter(4, 600);
        limiter.acquire(600, Duration.ofSeconds(1)).release(600);
        var e = assertThrows(BackendException.class, () -> limiter.acquire(60, Duration.ofMillis(50)));
        assertTrue(e.retryable() && e.getMessage().startsWith("tokens-per-minute budget exhausted"), e.getMessage());
        assertEquals(0, limiter.inFlight(), "the slot is given back when the budget wait fails");
    }
}
