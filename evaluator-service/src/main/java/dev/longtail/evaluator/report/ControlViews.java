package dev.longtail.evaluator.report;

import dev.longtail.contracts.Adjustment;
import dev.longtail.core.feedback.KnobAction;
import dev.longtail.evaluator.control.ControlStep;
import java.util.List;
import java.util.Locale;

/** The loop controller's record of one evaluation as the report shows it: adjustments with outcomes, held advice. */
record ControlViews(List<CampaignReport.AdjustmentView> adjustments, List<CampaignReport.HeldAdviceView> withheld) {

    static final String PENDING = "pending: the next generation tells";
    static final String APPLIED = "applied";
    static final String NOT_APPLIED = "not applied: the next plan does not carry it";
    static final String FEEDBACK_OFF = "proposed, not applied (feedback off)";

    /**
     * The views of an evaluation's steps; an evaluation stored before the controller has none, and shows its stored
     * adjustments without outcomes.
     */
    static ControlViews of(List<ControlStep> steps, List<Adjustment> stored, boolean feedbackOn) {
        if (steps.isEmpty()) {
            return new ControlViews(stored.stream().map(a -> new CampaignReport.AdjustmentView(a.parameter(), a.from(),
                    a.to(), a.reason(), null, null, null, null, null, null, feedbackOn ? null : FEEDBACK_OFF)).toList(),
                    List.of());
        }
        List<CampaignReport.AdjustmentView> adjustments = steps.stream().filter(s -> s.action.moves())
                .map(s -> new CampaignReport.AdjustmentView(s.parameter, s.fromValue, s.toValue, s.reason, lower(s.action),
                        s.targetSignal.metric(), s.signalBefore, s.signalAfter, s.outcome == null ? null : lower(s.outcome),
                        s.applied, status(s, feedbackOn)))
                .toList();
        List<CampaignReport.HeldAdviceView> withheld = steps.stream()
                .filter(s -> s.action == KnobAction.WITHHELD || s.action == KnobAction.FROZEN)
                .map(s -> new CampaignReport.HeldAdviceView(s.parameter, s.fromValue, s.toValue, s.reason, lower(s.action),
                        s.heldBecause))
                .toList();
        return new ControlViews(adjustments, withheld);
    }

    private static String status(ControlStep s, boolean feedbackOn) {
        if (!feedbackOn) {
            return FEEDBACK_OFF;
        }
        if (s.applied == null) {
            return PENDING;
        }
        return s.applied ? APPLIED : NOT_APPLIED;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
