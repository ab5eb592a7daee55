package dev.longtail.core.feedback;

/**
 * The loop controller's decision for one knob in one generation.
 *
 * @param from         the knob's value in the generation's plan
 * @param to           the value asked for (the advice's, for a withheld or frozen step; {@code from} for a hold)
 * @param goodStreak   consecutive generations the knob's signals have been good, this one included (0 after a move)
 * @param targetSignal the signal the step is meant to move (the one past its limit, else the knob's primary one)
 * @param signalBefore that signal's value in this generation (NaN when not measured)
 * @param reason       why the knob was (or would have been) moved; empty for a hold
 * @param heldBecause  why advice was not followed (withheld or frozen); null otherwise
 */
public record KnobStep(String parameter, KnobAction action, double from, double to, int goodStreak,
        TargetSignal targetSignal, double signalBefore, String reason, String heldBecause) {

    /** The plan change this step publishes; only for {@link KnobAction#moves()}. */
    public Change change() {
        if (!action.moves()) {
            throw new IllegalStateException(action + " of " + parameter + " changes nothing");
        }
        return new Change(parameter, from, to, reason);
    }
}
