package dev.longtail.evaluator.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.Verdict;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.CollapsePolicy;
import dev.longtail.core.feedback.KnobStep;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.evaluator.control.LoopControl;
import dev.longtail.support.CampaignLocks;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The evaluator's transactions, each short: store a campaign's reference or a sealed version, read what the next
 * evaluation needs, save an evaluation. Every write locks the campaign first, so that a redelivered record or the
 * other consumer cannot store a second version of a generation or a second evaluation of a version.
 */
@ApplicationScoped
public class EvaluationStore {

    private static final Logger LOG = Logger.getLogger(EvaluationStore.class);
    private static final TypeReference<List<DatasetRecord>> RECORDS = new TypeReference<>() {
    };

    private final CampaignLocks locks;
    private final JsonColumns json;
    private final EvaluationColumns columns;
    private final LoopControl control;

    public EvaluationStore(CampaignLocks locks, JsonColumns json, EvaluationColumns columns, LoopControl control) {
        this.locks = locks;
        this.json = json;
        this.columns = columns;
        this.control = control;
    }

    @Transactional
    public boolean knowsReference(String campaignId) {
        return CampaignReference.findById(campaignId) != null;
    }

    /** Stores the campaign's reference with its measurement (generation 0) unless it is stored already. */
    @Transactional
    public void storeReference(ReferenceSeeds seeds, int generations, CollapseMeasurement measured) {
        locks.lock(seeds.campaignId());
        if (CampaignReference.findById(seeds.campaignId()) != null) {
            return;
        }
        var reference = new CampaignReference();
        reference.campaignId = seeds.campaignId();
        reference.generations = generations;
        reference.referenceSeeds = seeds.referenceJson();
        reference.heldOutSeeds = seeds.heldOutJson();
        reference.setMetrics(CollapsePolicy.metricsOf(measured.values()));
        reference.collapseMetrics = json.write(measured);
        reference.receivedAt = Instant.now();
        reference.persist();
    }

    /** Stores a sealed version once (by id); another version of the same generation is the record's fault. */
    @Transactional
    public void storeVersion(String campaignId, DatasetSealed sealed) {
        locks.lock(campaignId);
        UUID id = UUID.fromString(sealed.datasetVersionId());
        if (DatasetVersion.findById(id) != null) {
            return;
        }
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
                ? Map.of() : sealed.counts().rejectedByReason());
        version.anchorRecords = sealed.anchorRecords();
        version.recordCount = sealed.records().size();
        version.plan = json.write(sealed.plan());
        version.records = json.write(sealed.records());
        version.receivedAt = Instant.now();
        version.persist();
    }

    /**
     * The inputs of the campaign's first unevaluated version, if its turn has come: generation g waits for g−1's
     * evaluation, whose metrics its verdict compares against; nothing is ready before the reference is stored.
     */
    @Transactional
    public Optional<VersionInputs> nextReady(String campaignId) {
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            return Optional.empty();
        }
        Optional<DatasetVersion> next = DatasetVersion.firstUnevaluated(campaignId);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        DatasetVersion version = next.get();
        Map<String, Double> previous = null;
        Map<String, Double> firstGeneration = null;
        if (version.generation > 1) {
            Optional<Evaluation> before = Evaluation.of(campaignId, version.generation - 1);
            if (before.isEmpty()) {
                LOG.infof("campaign %s generation %d waits for generation %d's evaluation",
                        campaignId, version.generation, version.generation - 1);
                return Optional.empty();
            }
            previous = columns.values(before.get());
            firstGeneration = Evaluation.of(campaignId, 1).map(columns::values).orElse(null);
        }
        CollapseMeasurement generationZero = columns.measurement(reference);
        return Optional.of(new VersionInputs(
                new ReferenceSeeds(campaignId, reference.referenceSeeds, reference.heldOutSeeds),
                generationZero == null ? null : generationZero.values(), version.id, version.generation,
                json.read(version.records, RECORDS), json.read(version.plan, GenerationPlan.class), previous,
                firstGeneration));
    }

    /**
     * Saves the version's evaluation unless one was saved meanwhile (a redelivered record measured it too): the
     * re-check runs under the campaign's lock, so a version is evaluated once; so are the loop controller's steps
     * (see {@link LoopControl}). Returns the new evaluation's id.
     */
    @Transactional
    public Optional<UUID> save(String campaignId, MeasuredVersion m) {
        locks.lock(campaignId);
        if (Evaluation.ofVersion(m.versionId()).isPresent()) {
            return Optional.empty();
        }
        if (m.referenceMeasured() != null) {
            CampaignReference reference = CampaignReference.findById(campaignId);
            if (reference.collapseMetrics == null) {
                reference.collapseMetrics = json.write(m.referenceMeasured());
            }
        }
        Assessment assessment = m.assessment();
        var evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.datasetVersionId = m.versionId();
        evaluation.campaignId = campaignId;
        evaluation.generation = m.generation();
        evaluation.setMetrics(CollapsePolicy.metricsOf(m.measured().values()));
        evaluation.collapseMetrics = json.write(m.measured());
        evaluation.verdict = Verdict.valueOf(assessment.health().name());
        evaluation.reasons = json.write(assessment.reasons());
        // the verdict's changes are advice: the loop controller decides what reaches the next plan
        List<KnobStep> steps = control.decide(campaignId, m.generation(), m.versionId(), assessment,
                m.measured().values());
        evaluation.adjustments = json.write(LoopControl.adjustments(steps));
        evaluation.evaluatedAt = Instant.now();
        evaluation.persist();
        control.record(evaluation, steps);
        LOG.infof("campaign %s generation %d: %s %s", campaignId, m.generation(), evaluation.verdict,
                assessment.reasons());
        return Optional.of(evaluation.id);
    }

    /** Evaluations the broker has not acknowledged yet, oldest first. */
    @Transactional
    public List<UUID> unpublished() {
        return Evaluation.unpublished();
    }
}
