package dev.longtail.core.feedback;

import java.util.Optional;

/** What became of the signal an adjustment targeted, one generation after it was issued. */
public enum Outcome {
    IMPROVED,
    WORSENED,
    UNCHANGED;

    /**
     * Classifies the move of {@code signal} from {@code before} (the generation that issued the adjustment) to
     * {@code after} (the next one): a relative change within {@code tolerance} is {@link #UNCHANGED}, else it
     * improved or worsened by the signal's direction. Empty when either value is not a finite number.
     */
    public static Optional<Outcome> of(TargetSignal signal, double before, double after, double tolerance) {
        if (!Double.isFinite(before) || !Double.isFinite(after)) {
            return Optional.empty();
        }
        double change = before == 0 ? after - before : (after - before) / Math.abs(before);
        if (Math.abs(change) <= tolerance) {
            return Optional.of(UNCHANGED);
        }
        boolean rose = change > 0;
        return Optional.of(rose == signal.higherIsBetter() ? IMPROVED : WORSENED);
    }
}
