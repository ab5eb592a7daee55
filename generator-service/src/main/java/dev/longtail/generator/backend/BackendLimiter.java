package dev.longtail.generator.backend;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The limits of one backend, shared by the API, the jobs and the Kafka loop: a fair concurrency limit and an
 * optional tokens-per-minute budget. Callers wait (bounded) rather than being rejected, which is what slows the
 * Kafka consumer down to the backend's pace.
 * <p>
 * Waiting costs no thread: a caller without a free slot joins one first-come-first-served queue, and a released
 * slot goes straight to the first caller in it. {@link #acquireAsync} completes then (or fails when its wait runs
 * out, on a {@link Delays} timer), so the non-blocking API queues any number of items behind the limit without
 * holding a thread for any of them; {@link #acquire} is the same queue for callers that block anyway (the loop's
 * and the jobs' own bounded pools).
 */
public final class BackendLimiter {

    /** Slot hand-overs still to run on this thread: a chain of releases is a loop, not a recursion. */
    private static final ThreadLocal<ArrayDeque<Waiter>> HAND_OVERS = new ThreadLocal<>();

    private final int maxConcurrency;
    private final TokenBucket tokens;
    private final Object lock = new Object();
    /** Slots nobody holds; changed under {@link #lock} only. */
    private volatile int free;
    /** Callers waiting for a slot, in the order they came; under {@link #lock}. */
    private final LinkedHashSet<Waiter> waiters = new LinkedHashSet<>();
    private volatile int waiting;

    /** {@code tokensPerMinute} 0 means no token budget. */
    public BackendLimiter(int maxConcurrency, long tokensPerMinute) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.free = maxConcurrency;
        this.tokens = tokensPerMinute > 0 ? new TokenBucket(tokensPerMinute, System::nanoTime) : null;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Slots held now: requests running, or about to run once their token budget is there. */
    public int inFlight() {
        return maxConcurrency - free;
    }

    /** Callers queued for a slot now. */
    public int waiting() {
        return waiting;
    }

    /** Tokens left in this minute's budget, or -1 without a budget. */
    public long tokensAvailable() {
        return tokens == null ? -1 : (long) tokens.available();
    }

    /**
     * A slot and {@code estimatedTokens} of budget if both are free right now and nobody is queued before the
     * caller, else null: never overtakes a waiting caller.
     */
    public Permit tryAcquireNow(long estimatedTokens) {
        synchronized (lock) {
            if (free == 0 || !waiters.isEmpty()) {
                return null;
            }
            free--;
        }
        if (tokens != null && tokens.tryTake(estimatedTokens) > 0) {
            releaseSlot();
            return null;
        }
        return new Permit(estimatedTokens);
    }

    /**
     * A slot and {@code estimatedTokens} of budget, waiting at most {@code maxWait} without holding a thread:
     * already complete when both are free now (nobody queued first); otherwise it completes on the thread that
     * releases the slot, or on the timer that re-checks the budget. Fails with a retryable {@link BackendException}
     * when the wait runs out. Cancelling the future gives up the place in the queue (a slot it was granted
     * meanwhile is passed on).
     */
    public CompletableFuture<Permit> acquireAsync(long estimatedTokens, Duration maxWait) {
        Waiter waiter;
        synchronized (lock) {
            if (free > 0 && waiters.isEmpty()) {
                free--;
                waiter = null;
            } else {
                waiter = new Waiter(estimatedTokens, maxWait);
                waiters.add(waiter);
                waiting = waiters.size();
                // scheduled under the lock, so that a hand-over sees the timeout it must cancel
                waiter.timeout = Delays.after(maxWait.toNanos(), () -> expire(waiter));
            }
        }
        if (waiter != null) {
            return waiter.result;
        }
        if (tokens == null || tokens.tryTake(estimatedTokens) == 0) {
            return CompletableFuture.completedFuture(new Permit(estimatedTokens));
        }
        // a slot, but no budget yet: wait for the budget holding the slot, as a queued caller would
        Waiter holder = new Waiter(estimatedTokens, maxWait);
        budget(holder);
        return holder.result;
    }

    /**
     * Waits for a slot and for {@code estimatedTokens} of budget, at most {@code maxWait}; throws a retryable
     * {@link BackendException} when the wait runs out. Blocks the caller: for the bounded pools of the loop and the
     * jobs, which exist to wait.
     */
    public Permit acquire(long estimatedTokens, Duration maxWait) {
        CompletableFuture<Permit> permit = acquireAsync(estimatedTokens, maxWait);
        try {
            // bounded by the waiter's own deadline; the margin only guards against a lost timer
            return permit.get(maxWait.toNanos() + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            giveUp(permit);
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for the backend's limits", false, -1, e);
        } catch (java.util.concurrent.TimeoutException e) {
            giveUp(permit);
            throw new RetryableBackendException("no concurrency slot within " + maxWait + " (limit " + maxConcurrency
                    + ")", -1, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BackendException b) {
                throw b;
            }
            throw new BackendException("waiting for the backend's limits failed: " + e.getCause(), false, -1, e);
        }
    }

    /** Leaves the queue, or gives back the permit that arrived just now. */
    private static void giveUp(CompletableFuture<Permit> permit) {
        if (!permit.cancel(false) && !permit.isCompletedExceptionally()) {
            permit.join().release(0);
        }
    }

    /** A queued caller's wait ran out: it leaves the queue and fails, unless a slot reached it first. */
    private void expire(Waiter waiter) {
        synchronized (lock) {
            if (!waiters.remove(waiter)) {
                return;
            }
            waiting = waiters.size();
        }
        waiter.result.completeExceptionally(new RetryableBackendException("no concurrency slot within "
                + waiter.maxWait + " (limit " + maxConcurrency + ")", -1, null));
    }

    /** A slot comes back: to the first queued caller if there is one, else to the free ones. */
    private void releaseSlot() {
        Waiter next;
        synchronized (lock) {
            Iterator<Waiter> queue = waiters.iterator();
            if (queue.hasNext()) {
                next = queue.next();
                queue.remove();
                waiting = waiters.size();
                next.timeout.cancel(false);
            } else {
                free++;
                return;
            }
        }
        handOver(next);
    }

    /**
     * Gives {@code waiter} its slot. Completing its future runs what waited for it on this thread, which may release
     * another slot at once (a call that fails immediately): such hand-overs queue up and run here one after the
     * other, so that a long queue never turns into a deep stack.
     */
    private void handOver(Waiter waiter) {
        ArrayDeque<Waiter> pending = HAND_OVERS.get();
        if (pending != null) {
            pending.add(waiter);
            return;
        }
        pending = new ArrayDeque<>();
        HAND_OVERS.set(pending);
        try {
            for (Waiter next = waiter; next != null; next = pending.poll()) {
                budget(next);
            }
        } finally {
            HAND_OVERS.remove();
        }
    }

    /** {@code waiter} holds a slot: completes it once its tokens are there, re-checking on the timer meanwhile. */
    private void budget(Waiter waiter) {
        if (waiter.result.isDone()) {
            // gave up (cancelled) while queued: the slot goes on
            releaseSlot();
            return;
        }
        long wait = tokens == null ? 0 : tokens.tryTake(waiter.estimatedTokens);
        if (wait == 0) {
            Permit permit = new Permit(waiter.estimatedTokens);
            if (!waiter.result.complete(permit)) {
                permit.release(0);
            }
            return;
        }
        long left = waiter.deadline - System.nanoTime();
        if (left <= 0) {
            releaseSlot();
            waiter.result.completeExceptionally(new RetryableBackendException(
                    "tokens-per-minute budget exhausted for " + waiter.maxWait, -1, null));
            return;
        }
        Delays.after(Math.min(wait, left), () -> budget(waiter));
    }

    /** A caller waiting for a slot (or, holding one, for its budget). */
    private static final class Waiter {
        final long estimatedTokens;
        final Duration maxWait;
        final long deadline;
        final CompletableFuture<Permit> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(long estimatedTokens, Duration maxWait) {
            this.estimatedTokens = estimatedTokens;
            this.maxWait = maxWait;
            this.deadline = System.nanoTime() + maxWait.toNanos();
        }
    }

    /** A held slot and reserved budget; release it once with the tokens really used. */
    public final class Permit {
        private final long reserved;
        private boolean released;

        private Permit(long reserved) {
            this.reserved = reserved;
        }

        public void release(long usedTokens) {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            if (tokens != null) {
                tokens.settle(reserved, usedTokens);
            }
            releaseSlot();
        }
    }
}
