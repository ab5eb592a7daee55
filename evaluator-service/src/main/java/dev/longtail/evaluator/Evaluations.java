package dev.longtail.evaluator;

import dev.longtail.support.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Verdict;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.FeedbackPolicy;
import dev.longtail.core.feedback.Metrics;
import dev.longtail.core.feedback.PlanValues;
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
    private static final TypeReference<List<SeedRecord>> SEEDS = new TypeReference<>() {
    };
    private static final TypeReference<List<DatasetRecord>> RECORDS = new TypeReference<>() {
    };

    private final CampaignLocks locks;
    private final EvaluatorConfig config;
    private final JsonColumns json;

    public Evaluations(CampaignLocks locks, EvaluatorConfig config, JsonColumns json) {
        this.locks = locks;
        this.config = config;
        this.json = json;
    }

    /** Stores the reference once, measures it, and evaluates versions that were waiting; returns new evaluations. */
    @Transactional
    public List<UUID> recordReference(String campaignId, CampaignStarted campaign) {
        locks.lock(campaignId);
        if (CampaignReference.findById(campaignId) == null) {
            var metrics = metricsFor(campaign.referenceSeeds(), campaign.heldOutSeeds());
            var reference = new CampaignReference();
            reference.campaignId = campaignId;
            reference.generations = campaign.generations();
            reference.referenceSeeds = json.write(campaign.referenceSeeds());
            reference.heldOutSeeds = json.write(campaign.heldOutSeeds());
            reference.setMetrics(metrics.measure(VersionMetrics.seedTexts(campaign.referenceSeeds())));
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
        VersionMetrics metrics = null;
        FeedbackPolicy policy = new FeedbackPolicy(config.feedback().thresholds());
        for (DatasetVersion version : DatasetVersion.unevaluated(campaignId)) {
            Metrics previous = null;
            Metrics firstGeneration = null;
            if (version.generation > 1) {
                Optional<Evaluation> before = Evaluation.of(campaignId, version.generation - 1);
                if (before.isEmpty()) {
                    LOG.infof("campaign %s generation %d waits for generation %d's evaluation",
                            campaignId, version.generation, version.generation - 1);
                    break;
                }
                previous = before.get().metrics();
                firstGeneration = Evaluation.of(campaignId, 1).map(Evaluation::metrics).orElse(null);
            }
            if (metrics == null) {
                metrics = metricsFor(json.read(reference.referenceSeeds, SEEDS), json.read(reference.heldOutSeeds, SEEDS));
            }
            Metrics current = metrics.measure(VersionMetrics.recordTexts(json.read(version.records, RECORDS)));
            GenerationPlan plan = json.read(version.plan, GenerationPlan.class);
            var planValues = new PlanValues(plan.inBreadthShare(), plan.sampling().temperature(),
                    plan.curation().anchorRatio(), plan.curation().nearDuplicateThreshold());
            // Tails are judged by what the loop keeps after generation 1 (see FeedbackPolicy).
            Metrics tailBaseline = firstGeneration != null ? firstGeneration : current;
            Assessment assessment = policy.assess(reference.metrics(), tailBaseline, previous, current, planValues);

            var evaluation = new Evaluation();
            evaluation.id = UUID.randomUUID();
            evaluation.datasetVersionId = version.id;
            evaluation.campaignId = campaignId;
            evaluation.generation = version.generation;
            evaluation.setMetrics(current);
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

    private VersionMetrics metricsFor(List<SeedRecord> reference, List<SeedRecord> heldOut) {
        return new VersionMetrics(reference, heldOut, config.ngramOrder(), config.tail().n(), config.tail().maxCount());
    }
}
