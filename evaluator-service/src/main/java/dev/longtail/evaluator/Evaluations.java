package dev.longtail.evaluator;

import dev.longtail.support.CampaignLocks;

import dev.longtail.support.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.Verdict;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.CollapsePolicy;
import dev.longtail.core.feedback.VersionSignals;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.metrics.CollapseBaseline;
import dev.longtail.core.metrics.CollapseMeasurement;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The evaluator's state changes, each in one transaction under the campaign's lock: store a campaign's
 * reference (with its generation-0 metrics), store a sealed version, and evaluate every stored version whose
 * turn has come. Generation g is evaluated only after g−1, whose metrics its verdict compares against.
 */
@ApplicationScoped
public class Evaluations {

    private static final Logger LOG = Logger.getLogger(Evaluations.class);
    private static final TypeReference<List<DatasetRecord>> RECORDS = new TypeReference<>() {
    };

    private final CampaignLocks locks;
    private final EvaluatorConfig config;
    private final JsonColumns json;
    private final Baselines baselines;

    public Evaluations(CampaignLocks locks, EvaluatorConfig config, JsonColumns json, Baselines baselines) {
        this.locks = locks;
        this.config = config;
        this.json = json;
        this.baselines = baselines;
    }

    /** Stores the reference once, measures it, and evaluates versions that were waiting; returns new evaluations. */
    @Transactional
    public List<UUID> recordReference(String campaignId, CampaignStarted campaign) {
        locks.lock(campaignId);
        if (CampaignReference.findById(campaignId) == null) {
            var reference = new CampaignReference();
            reference.campaignId = campaignId;
            reference.generations = campaign.generations();
            reference.referenceSeeds = json.write(campaign.referenceSeeds());
            reference.heldOutSeeds = json.write(campaign.heldOutSeeds());
            CollapseMeasurement measured = baselines.of(reference).measureReference();
            reference.setMetrics(CollapsePolicy.metricsOf(measured.values()));
            reference.collapseMetrics = json.write(measured);
            reference.receivedAt = Instant.now();
            reference.persist();
        }
        return evaluateReady(campaignId);
    }

    /** Stores a sealed version once (by id) and evaluates whatever is ready; returns new evaluations. */
    @Transactional
    public List<UUID> recordVersion(String campaignId, DatasetSealed sealed) {
        locks.lock(campaignId);
        UUID id = UUID.fromString(sealed.datasetVersionId());
        if (DatasetVersion.findById(id) == null) {
            Optional<DatasetVersion> other = DatasetVersion.of(campaignId, sealed.generation());
            if (other.isPresent()) {
                throw new InvalidEventException("campaign " + campaignId + " already has dataset version "
                        + other.get().id + " for generation " + sealed.generation() + "; " + id + " conflicts with it");
            }
            var version = new DatasetVersion();
            version.id = id;
            version.campaignId = campaignId;
            version.generation = sealed.generation();
            version.generated = sealed.counts().generated();
            version.accepted = sealed.counts().accepted();
            version.rejected = sealed.counts().rejected();
            version.failed = sealed.counts().failed();
            version.rejectedByReason = json.write(sealed.counts().rejectedByReason() == null
                    ? java.util.Map.of() : sealed.counts().rejectedByReason());
            version.anchorRecords = sealed.anchorRecords();
            version.recordCount = sealed.records().size();
            version.plan = json.write(sealed.plan());
            version.records = json.write(sealed.records());
            version.receivedAt = Instant.now();
            version.persist();
        }
        return evaluateReady(campaignId);
    }

    /** Evaluates, in generation order, every stored version whose predecessor is evaluated. */
    private List<UUID> evaluateReady(String campaignId) {
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            return List.of();
        }
        List<UUID> evaluated = new ArrayList<>();
        CollapsePolicy policy = new CollapsePolicy(config.feedback().thresholds(), config.collapse().thresholds());
        Map<String, Double> generationZero = null;
        for (DatasetVersion version : DatasetVersion.unevaluated(campaignId)) {
            Map<String, Double> previous = null;
            Map<String, Double> firstGeneration = null;
            if (version.generation > 1) {
                Optional<Evaluation> before = Evaluation.of(campaignId, version.generation - 1);
                if (before.isEmpty()) {
                    LOG.infof("campaign %s generation %d waits for generation %d's evaluation",
                            campaignId, version.generation, version.generation - 1);
                    break;
                }
                previous = valuesOf(before.get());
                firstGeneration = Evaluation.of(campaignId, 1).map(this::valuesOf).orElse(null);
            }
            CollapseBaseline baseline = baselines.of(reference);
            if (generationZero == null) {
                generationZero = referenceValues(reference, baseline);
            }
            CollapseMeasurement measured = baseline.measure(VersionMetrics.recordCorpus(json.read(version.records, RECORDS)));
            VersionSignals current = CollapsePolicy.metricsOf(measured.values());
            GenerationPlan plan = json.read(version.plan, GenerationPlan.class);
            var planValues = new PlanValues(plan.inBreadthShare(), plan.sampling().temperature(),
                    plan.curation().anchorRatio(), plan.curation().nearDuplicateThreshold());
            // Tails, diversity and length are judged by what the loop keeps after generation 1 (see CollapsePolicy).
            Assessment assessment = policy.assess(generationZero, firstGeneration, previous, measured.values(), planValues);

            var evaluation = new Evaluation();
            evaluation.id = UUID.randomUUID();
            evaluation.datasetVersionId = version.id;
            evaluation.campaignId = campaignId;
            evaluation.generation = version.generation;
            evaluation.setMetrics(current);
            evaluation.collapseMetrics = json.write(measured);
            evaluation.verdict = Verdict.valueOf(assessment.health().name());
            evaluation.reasons = json.write(assessment.reasons());
            evaluation.adjustments = json.write(assessment.changes().stream()
                    .map(c -> new Adjustment(c.parameter(), c.from(), c.to(), c.reason())).toList());
            evaluation.evaluatedAt = Instant.now();
            evaluation.persistAndFlush();
            evaluated.add(evaluation.id);
            LOG.infof("campaign %s generation %d: %s %s", campaignId, version.generation, evaluation.verdict,
                    assessment.reasons());
        }
        return evaluated;
    }

    /** Every metric of an evaluation; the six loop metrics for an evaluation stored before the richer ones. */
    Map<String, Double> valuesOf(Evaluation evaluation) {
        if (evaluation.collapseMetrics != null) {
            return json.read(evaluation.collapseMetrics, CollapseMeasurement.class).values();
        }
        return sixOf(evaluation.metrics());
    }

    private Map<String, Double> referenceValues(CampaignReference reference, CollapseBaseline baseline) {
        if (reference.collapseMetrics == null) {
            reference.collapseMetrics = json.write(baseline.measureReference());
        }
        return json.read(reference.collapseMetrics, CollapseMeasurement.class).values();
    }

    static Map<String, Double> sixOf(VersionSignals m) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        values.put("distinct1", m.distinct1());
        values.put("distinct2", m.distinct2());
        values.put("unigramEntropy", m.unigramEntropy());
        values.put("tailCoverage", m.tailCoverage());
        values.put("heldOutPerplexity", m.heldOutPerplexity());
        values.put("meanWords", m.meanWords());
        return values;
    }
}
