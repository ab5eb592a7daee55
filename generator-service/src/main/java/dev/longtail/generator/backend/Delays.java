package dev.longtail.generator.backend;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One timer thread for every backend: the deadlines of callers queued for a slot, re-checks of a token budget, and
 * the pauses between an item's tries in the non-blocking API. Its tasks only do bookkeeping or start a
 * non-blocking call; nothing on it waits.
 */
public final class Delays {

    private static final Logger LOG = Logger.getLogger(Delays.class);
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Delays() {
    }

    /** Runs {@code task} on the timer thread after {@code nanos}; cancelling the result forgets it. */
    public static ScheduledFuture<?> after(long nanos, Runnable task) {
        return TIMER.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "A delayed backend task failed");
            }
        }, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "longtail-backend-timer");
            t.setDaemon(true);
            return t;
        });
        // a slot handed over cancels its waiter's deadline: gone from the queue at once, not when it would have fired
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
