package dev.longtail.generator.generation;

import java.time.Duration;

/**
 * When one item tries again: from its start it may keep trying for its patience, pausing a second after its first
 * retryable failure, twice as long after each further one (at most 30 s), never past its patience. The blocking and
 * the non-blocking path of {@link GenerationRunner} both follow it, one schedule per item.
 * <p>
 * Not thread-safe, and need not be: an item makes one try at a time, and each try hands over to the next (through a
 * sleep, or a timer and the completion of a future, which order the accesses).
 */
final class RetrySchedule {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** However little patience is left, one wait for a backend's slot may take this long. */
    private static final long SHORTEST_LIMIT_WAIT = Duration.ofSeconds(1).toNanos();

    private final long start;
    private final long deadline;
    private Duration pause = FIRST_PAUSE;

    /** A schedule that starts now. */
    RetrySchedule(Duration patience) {
        this.start = System.nanoTime();
        this.deadline = start + patience.toNanos();
    }

    /** Time since the item started, over all its tries and pauses. */
    long elapsedMicros() {
        return (System.nanoTime() - start) / 1_000;
    }

    /** How long one wait for a slot and token budget may take: the patience left, at least a second, at most {@code backendLimit}. */
    Duration limitWait(Duration backendLimit) {
        Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), SHORTEST_LIMIT_WAIT));
        return remaining.compareTo(backendLimit) > 0 ? backendLimit : remaining;
    }

    /**
     * After a retryable failure: how many nanoseconds to pause before the next try (the current pause, cut to the
     * patience left), doubling the pause after that one; -1 when the patience has run out.
     */
    long nextPauseNanos() {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return -1;
        }
        long now = Math.min(left, pause.toNanos());
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        return now;
    }
}
