package dev.longtail.core.feedback;

/**
 * One knob's step in an earlier generation of the campaign, as its record keeps it.
 *
 * @param goodStreak consecutive good generations of the knob's signals counted at that step (0 after a move)
 * @param outcome    what became of the targeted signal one generation later; null until then, or for a step that
 *                   did not move the knob
 * @param applied    whether the next generation's plan carried the change; null until then
 */
public record PastStep(String parameter, int generation, KnobAction action, int goodStreak, Outcome outcome,
        Boolean applied) {
}
