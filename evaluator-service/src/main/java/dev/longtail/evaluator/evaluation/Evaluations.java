package dev.longtail.evaluator.evaluation;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.CollapsePolicy;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.evaluator.admin.VerdictThresholds;
import dev.longtail.evaluator.control.LoopControl;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluates a campaign's dataset versions as they and the reference arrive, in generation order. Each evaluation
 * reads its inputs in one transaction, measures outside any (embedding a large version takes tens of seconds, and
 * holds no connection or lock meanwhile), and saves in a second one; see {@link EvaluationStore}.
 */
@ApplicationScoped
public class Evaluations {

    private final EvaluationStore store;
    private final Baselines baselines;
    private final JsonColumns json;
    private final EvaluatorConfig config;
    private final VerdictThresholds thresholds;

    public Evaluations(EvaluationStore store, Baselines baselines, JsonColumns json, EvaluatorConfig config,
            VerdictThresholds thresholds) {
        this.store = store;
        this.baselines = baselines;
        this.json = json;
        this.config = config;
        this.thresholds = thresholds;
    }

    /** Stores the reference once, measured, and evaluates versions that were waiting; returns new evaluations. */
    public List<UUID> recordReference(String campaignId, CampaignStarted campaign) {
        if (!store.knowsReference(campaignId)) {
            var seeds = new ReferenceSeeds(campaignId, json.write(campaign.referenceSeeds()),
                    json.write(campaign.heldOutSeeds()));
            store.storeReference(seeds, campaign.generations(), baselines.of(seeds).measureReference());
        }
        return evaluateReady(campaignId);
    }

    /** Stores a sealed version once (by id) and evaluates whatever is ready; returns new evaluations. */
    public List<UUID> recordVersion(String campaignId, DatasetSealed sealed) {
        store.storeVersion(campaignId, sealed);
        return evaluateReady(campaignId);
    }

    /** Evaluates, in generation order, every stored version whose predecessor is evaluated. */
    private List<UUID> evaluateReady(String campaignId) {
        List<UUID> evaluated = new ArrayList<>();
        for (Optional<VersionInputs> next = store.nextReady(campaignId); next.isPresent();
                next = store.nextReady(campaignId)) {
            store.save(campaignId, measure(next.get())).ifPresent(evaluated::add);
        }
        return evaluated;
    }

    /** Measures and judges a version; pure computation, outside any transaction. */
    private MeasuredVersion measure(VersionInputs in) {
        CollapseBaseline baseline = baselines.of(in.reference());
        CollapseMeasurement referenceMeasured = in.generationZero() == null ? baseline.measureReference() : null;
        Map<String, Double> generationZero = referenceMeasured != null ? referenceMeasured.values() : in.generationZero();
        CollapseMeasurement measured = baseline.measure(VersionMetrics.recordCorpus(in.records()),
                VersionMetrics.recordCorpus(VersionMetrics.synthetic(in.records())));
        PlanValues plan = LoopControl.planValues(in.plan());
        // Tails, diversity and length are judged by what the loop keeps after generation 1 (see CollapsePolicy).
        // the feedback thresholds in force now (runtime configuration)
        var policy = new CollapsePolicy(thresholds.feedback(), config.collapse().thresholds());
        Assessment assessment = policy.assess(generationZero, in.firstGeneration(), in.previous(), measured.values(), plan);
        return new MeasuredVersion(in.versionId(), in.generation(), measured, assessment, referenceMeasured);
    }
}
