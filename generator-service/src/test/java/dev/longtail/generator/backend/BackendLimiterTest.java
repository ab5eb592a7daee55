package dev.longtail.generator.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackendLimiterTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    @Test
    void shouldGrantAnImmediatePermitOnlyWhileASlotIsFree() {
        var limiter = new BackendLimiter(1, 0);

        var first = limiter.tryAcquireNow(10);
        assertNotNull(first);
        assertNull(limiter.tryAcquireNow(10), "the only slot is taken");
        first.release(10);

        assertNotNull(limiter.tryAcquireNow(10), "free again after the release");
    }

    @Test
    void shouldGiveTheSlotBackWhenTheTokenBudgetIsNotThereRightNow() {
        var limiter = new BackendLimiter(2, 100);

        var permit = limiter.tryAcquireNow(100);
        assertNotNull(permit, "the whole minute's budget");
        assertNull(limiter.tryAcquireNow(50), "no budget left this instant");

        assertEquals(1, limiter.inFlight(), "the refused call holds no slot");
    }

    @Test
    void shouldQueueCallersBeyondTheLimitWithoutAThreadAndServeThemInTheOrderTheyCame() {
        var limiter = new BackendLimiter(2, 0);
        var held = List.of(limiter.acquireAsync(1, LONG).join(), limiter.acquireAsync(1, LONG).join());
        List<Integer> served = new ArrayList<>();
        List<CompletableFuture<BackendLimiter.Permit>> queued = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            queued.add(limiter.acquireAsync(1, LONG).whenComplete((permit, error) -> {
                served.add(n);
                permit.release(1);
            }));
        }

        assertEquals(1_000, limiter.waiting(), "a thousand callers wait, and this test's thread is the only one here");
        assertFalse(queued.get(0).isDone());
        held.get(0).release(1);

        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).join();
        assertEquals(1_000, served.size(), "one released slot served the whole queue, one caller after another");
        for (int i = 0; i < served.size(); i++) {
            assertEquals(i, served.get(i), "first come, first served");
        }
        assertEquals(0, limiter.waiting());
        assertEquals(1, limiter.inFlight(), "only the slot still held");
        held.get(1).release(1);
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void shouldNotLetANewCallerOvertakeTheQueue() {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquireAsync(1, LONG).join();
        var waiting = limiter.acquireAsync(1, LONG);

        held.release(1);
        assertTrue(waiting.isDone(), "the released slot went to the waiting caller");
        assertNull(limiter.tryAcquireNow(1), "not to a newcomer");
        assertNull(limiter.tryAcquireNow(1));
        waiting.join().release(1);
        assertNotNull(limiter.tryAcquireNow(1));
    }

    @Test
    void shouldFailAQueuedCallerWhoseWaitRunsOutAndForgetIt() {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquireAsync(1, LONG).join();

        var late = limiter.acquireAsync(1, Duration.ofMillis(50));
        var error = assertThrows(CompletionException.class, late::join);
        var cause = assertInstanceOf(BackendException.class, error.getCause());
        assertTrue(cause.retryable(), cause.getMessage());
        assertTrue(cause.getMessage().startsWith("no concurrency slot within PT0.05S (limit 1)"), cause.getMessage());
        assertEquals(0, limiter.waiting(), "it left the queue");

        held.release(1);
        assertEquals(0, limiter.inFlight(), "the slot was not handed to a caller who gave up");
    }

    @Test
    void shouldPassASlotOnPastACallerWhoCancelled() {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquireAsync(1, LONG).join();
        var cancelled = limiter.acquireAsync(1, LONG);
        var next = limiter.acquireAsync(1, LONG);

        cancelled.cancel(false);
        held.release(1);

        assertTrue(next.isDone() && !next.isCompletedExceptionally(), "the slot skipped the caller who gave up");
        assertEquals(1, limiter.inFlight());
    }

    @Test
    void shouldHandTheQueueOnInALoopWhenEveryCallerFailsAtOnce() {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquireAsync(1, LONG).join();
        AtomicInteger served = new AtomicInteger();
        List<CompletableFuture<?>> queued = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // like a call that fails at once (open circuit): the slot comes back before the hand-over returns
            queued.add(limiter.acquireAsync(1, LONG).thenAccept(permit -> {
                served.incrementAndGet();
                permit.release(0);
            }));
        }

        held.release(0);

        assertEquals(50_000, served.get(), "no stack overflow: hand-overs run one after the other");
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void shouldWaitForTheTokenBudgetHoldingTheSlotAndWithoutAThread() throws Exception {
        var limiter = new BackendLimiter(2, 6_000); // 100 tokens a second
        limiter.acquireAsync(6_000, LONG).join().release(6_000);

        var permit = limiter.acquireAsync(20, Duration.ofSeconds(5));
        assertFalse(permit.isDone(), "the budget is spent for now");
        assertEquals(1, limiter.inFlight(), "the slot is held while the budget refills");

        permit.get(5, TimeUnit.SECONDS).release(20);
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void shouldServeBlockingCallersFromTheSameQueue() throws Exception {
        var limiter = new BackendLimiter(1, 0);
        var held = limiter.acquireAsync(1, LONG).join();
        var blocking = CompletableFuture.supplyAsync(() -> limiter.acquire(1, LONG));
        while (limiter.waiting() == 0) {
            Thread.sleep(5);
        }
        var async = limiter.acquireAsync(1, LONG);

        held.release(1);
        blocking.get(5, TimeUnit.SECONDS).release(1);

        assertTrue(async.isDone(), "the asynchronous caller came second and got the slot next");
        async.join().release(1);
        assertEquals(0, limiter.inFlight());
    }
}
