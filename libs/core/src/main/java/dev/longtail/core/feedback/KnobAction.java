package dev.longtail.core.feedback;

/** What the loop controller did with one knob in one generation. */
public enum KnobAction {
    /** Moved against the failure seen (an adjustment). */
    TIGHTEN,
    /** Moved back toward the campaign's starting value after the signal was good long enough (an adjustment). */
    RELAX,
    /** Left as it is. */
    HOLD,
    /** Advice the benchmark measured harmful ({@link HarmfulAdvice}): not emitted. */
    WITHHELD,
    /** Advice in a direction whose last two changes worsened the knob's signal: not emitted. */
    FROZEN;

    /** Whether the action changes the plan (is published as an adjustment). */
    public boolean moves() {
        return this == TIGHTEN || this == RELAX;
    }
}
