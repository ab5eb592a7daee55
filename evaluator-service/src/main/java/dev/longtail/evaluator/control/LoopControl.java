package dev.longtail.evaluator.control;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.KnobStep;
import dev.longtail.core.feedback.LoopController;
import dev.longtail.core.feedback.PastStep;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.feedback.SignalReadings;
import dev.longtail.core.feedback.StepOutcome;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.evaluator.admin.VerdictThresholds;
import dev.longtail.evaluator.evaluation.CampaignReference;
import dev.longtail.evaluator.evaluation.DatasetVersion;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.EvaluationColumns;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evaluator's side of the {@link LoopController}: in the transaction that saves an evaluation (the campaign
 * locked), gives the previous generation's adjustments their outcome against this generation, decides this
 * generation's steps from the verdict's advice and the campaign's own record, and stores them.
 */
@ApplicationScoped
public class LoopControl {

    private final EvaluatorConfig config;
    private final VerdictThresholds thresholds;
    private final EvaluationColumns columns;
    private final JsonColumns json;

    public LoopControl(EvaluatorConfig config, VerdictThresholds thresholds, EvaluationColumns columns,
            JsonColumns json) {
        this.config = config;
        this.thresholds = thresholds;
        this.columns = columns;
        this.json = json;
    }

    /** The controller under the feedback thresholds in force now (runtime configuration). */
    private LoopController controller() {
        return new LoopController(thresholds.feedback(), config.collapse().thresholds(), config.controller().limits());
    }

    /** The knobs the controller turns, as a plan holds them. */
    public static PlanValues planValues(GenerationPlan plan) {
        return new PlanValues(plan.inBreadthShare(), plan.sampling().temperature(), plan.curation().anchorRatio(),
                plan.curation().nearDuplicateThreshold());
    }

    /**
     * The steps of a generation's evaluation, after setting the outcome of the previous generation's moves (this
     * generation's measurement is their "after", its plan tells whether they were applied). Runs in the caller's
     * transaction, under the campaign's lock.
     */
    public List<KnobStep> decide(String campaignId, int generation, UUID versionId, Assessment assessment,
            Map<String, Double> current) {
        PlanValues plan = planOf(DatasetVersion.findById(versionId));
        PlanValues start = generation == 1 ? plan
                : DatasetVersion.of(campaignId, 1).map(this::planOf).orElse(plan);
        Map<String, Double> first = generation == 1 ? current
                : Evaluation.of(campaignId, 1).map(columns::values).orElse(current);
        Map<String, Double> previous = generation == 1 ? null
                : Evaluation.of(campaignId, generation - 1).map(columns::values).orElse(null);
        CampaignReference reference = CampaignReference.findById(campaignId);
        var readings = new SignalReadings(columns.values(reference), first, previous, current);

        List<ControlStep> record = ControlStep.ofCampaign(campaignId);
        for (ControlStep step : record) {
            if (step.generation == generation - 1 && step.action.moves() && step.applied == null) {
                StepOutcome o = StepOutcome.of(step.toKnobStep(), readings, plan, config.controller().limits().outcomeTolerance());
                step.signalAfter = ControlStep.finite(o.after());
                step.outcome = o.outcome().orElse(null);
                step.applied = o.applied();
            }
        }
        List<PastStep> history = record.stream().filter(s -> s.generation < generation).map(ControlStep::toPastStep)
                .toList();
        return controller().decide(assessment.changes(), readings, plan, start, history);
    }

    /** The adjustments the steps publish: the moves. */
    public static List<Adjustment> adjustments(List<KnobStep> steps) {
        return steps.stream().filter(s -> s.action().moves()).map(KnobStep::change)
                .map(c -> new Adjustment(c.parameter(), c.from(), c.to(), c.reason())).toList();
    }

    /** Stores the steps of an evaluation persisted in the same transaction. */
    public void record(Evaluation evaluation, List<KnobStep> steps) {
        steps.forEach(s -> ControlStep.of(evaluation.id, evaluation.campaignId, evaluation.generation, s).persist());
    }

    private PlanValues planOf(DatasetVersion version) {
        return planValues(json.read(version.plan, GenerationPlan.class));
    }
}
