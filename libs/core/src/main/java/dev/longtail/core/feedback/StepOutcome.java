package dev.longtail.core.feedback;

import java.util.Optional;

/**
 * What an adjustment issued at generation g did, known when generation g+1 is measured: the targeted signal before
 * and after, its {@link Outcome}, and whether g+1's plan carried the change at all (it does not when the campaign
 * runs without feedback, or the evolver clamped it).
 *
 * @param after   the signal's value at g+1 (NaN when not measured)
 * @param outcome empty when either value is not measured
 */
public record StepOutcome(TargetSignal signal, double before, double after, Optional<Outcome> outcome,
        boolean applied) {

    /** The outcome of {@code step} (a move) given the next generation's readings and plan. */
    public static StepOutcome of(KnobStep step, SignalReadings next, PlanValues nextPlan, double tolerance) {
        double after = next.value(step.targetSignal());
        boolean applied = Knob.of(step.parameter()).map(k -> Math.abs(k.value(nextPlan) - step.to()) <= 1e-9)
                .orElse(false);
        return new StepOutcome(step.targetSignal(), step.signalBefore(), after,
                Outcome.of(step.targetSignal(), step.signalBefore(), after, tolerance), applied);
    }
}
