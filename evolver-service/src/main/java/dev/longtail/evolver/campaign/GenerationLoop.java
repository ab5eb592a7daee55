package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.RecordSource;
import dev.longtail.support.JsonColumns;

/**
 * The evolver's half of the loop: records a generation's sealed dataset version and its evaluation
 * (idempotently, under the campaign's row lock) and, once both are there, starts the next generation or
 * completes the campaign. Returns the generation to publish; publishing happens after commit.
 */
@ApplicationScoped
public class GenerationLoop {

    private static final Logger LOG = Logger.getLogger(GenerationLoop.class);

    private final GenerationPlanner planner;
    private final JsonColumns json;

    public GenerationLoop(GenerationPlanner planner, JsonColumns json) {
        this.planner = planner;
        this.json = json;
    }

    /** Records dataset version g and lets its accepted outputs join the pool; maybe starts g+1. */
    @Transactional
    public Optional<Integer> recordSealed(UUID campaignId, DatasetSealed sealed) {
        Campaign campaign = lockKnown(campaignId);
        Generation generation = knownGeneration(campaign, sealed.generation());
        if (generation.sealed()) {
            if (!generation.datasetVersionId.equals(sealed.datasetVersionId())) {
                LOG.warnf("Campaign %s generation %d is already sealed as %s; ignoring version %s", campaign.id,
                        generation.generation, generation.datasetVersionId, sealed.datasetVersionId());
            }
            return advance(campaign, generation);
        }
        if (sealed.datasetVersionId() == null || sealed.datasetVersionId().isBlank()) {
            throw new InvalidEventException("DatasetSealed without a datasetVersionId");
        }
        List<DatasetRecord> records = sealed.records() == null ? List.of() : sealed.records();
        generation.datasetVersionId = sealed.datasetVersionId();
        if (sealed.counts() != null) {
            generation.sealedGenerated = sealed.counts().generated();
            generation.sealedAccepted = sealed.counts().accepted();
            generation.sealedRejected = sealed.counts().rejected();
            generation.sealedFailed = sealed.counts().failed();
            generation.sealedRejectedByReason = json.write(sealed.counts().rejectedByReason() == null ? Map.of()
                    : new TreeMap<>(sealed.counts().rejectedByReason()));
        }
        generation.sealedAnchorRecords = sealed.anchorRecords();
        generation.sealedRecords = json.write(records);
        generation.sealedAt = Instant.now();
        acceptOutputs(campaign, sealed.generation(), records);
        return advance(campaign, generation);
    }

    /** Records generation g's verdict and adjustments; maybe starts g+1. */
    @Transactional
    public Optional<Integer> recordEvaluation(UUID campaignId, EvaluationCompleted evaluation) {
        Campaign campaign = lockKnown(campaignId);
        Generation generation = knownGeneration(campaign, evaluation.generation());
        if (generation.evaluated()) {
            return advance(campaign, generation);
        }
        if (evaluation.verdict() == null) {
            throw new InvalidEventException("EvaluationCompleted without a verdict");
        }
        generation.evaluationId = evaluation.evaluationId();
        generation.verdict = evaluation.verdict().name();
        generation.verdictReasons = json.write(evaluation.reasons() == null ? List.of() : evaluation.reasons());
        generation.adjustments = json.write(evaluation.adjustments() == null ? List.of() : evaluation.adjustments());
        generation.evaluatedAt = Instant.now();
        return advance(campaign, generation);
    }

    /**
     * Once generation g has its sealed version and its evaluation: completes the campaign after its last generation
     * (also while PAUSED: nothing is left to hold), or starts g+1 when the campaign is RUNNING. A PAUSED campaign's
     * next generation waits for resume; a CANCELLED or FAILED one's never comes (records in flight are kept).
     */
    private Optional<Integer> advance(Campaign campaign, Generation generation) {
        if (!generation.sealed() || !generation.evaluated()
                || (campaign.status != CampaignStatus.RUNNING && campaign.status != CampaignStatus.PAUSED)) {
            return Optional.empty();
        }
        int g = generation.generation;
        if (g >= campaign.generations) {
            campaign.moveTo(CampaignStatus.COMPLETED);
            LOG.infof("Campaign %s completed after %d generations", campaign.id, g);
            return Optional.empty();
        }
        if (campaign.status != CampaignStatus.RUNNING || Generation.of(campaign.id, g + 1).isPresent()) {
            return Optional.empty();
        }
        return planner.start(campaign, g + 1) ? Optional.of(g + 1) : Optional.empty();
    }

    /**
     * Drives a campaign from what the database holds: when its current generation is complete and nothing follows it,
     * completes the campaign or starts the next generation (resume, and the evolver's start after a crash).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Integer> drive(Campaign campaign) {
        return Generation.of(campaign.id, campaign.currentGeneration).flatMap(current -> advance(campaign, current));
    }

    /** Accepted synthetic records name their evolved seed: its output is set, and it joins the pool. */
    private void acceptOutputs(Campaign campaign, int generation, List<DatasetRecord> records) {
        Map<String, PoolSeed> evolved = PoolSeed.evolved(campaign.id, generation).stream()
                .collect(Collectors.toMap(seed -> seed.text.seedId(), Function.identity()));
        Instant now = Instant.now();
        int unknown = 0;
        for (DatasetRecord record : records) {
            if (record == null || record.source() != RecordSource.SYNTHETIC) {
                continue;
            }
            PoolSeed seed = record.seedId() == null ? null : evolved.get(record.seedId());
            if (seed == null) {
                unknown++;
                continue;
            }
            if (seed.text.output() == null && record.output() != null && !record.output().isBlank()) {
                seed.accept(record.output(), now);
            }
        }
        if (unknown > 0) {
            LOG.warnf("Campaign %s generation %d: %d synthetic records name no evolved seed of this generation",
                    campaign.id, generation, unknown);
        }
    }

    private static Campaign lockKnown(UUID campaignId) {
        return Campaign.lock(campaignId).orElseThrow(() -> new InvalidEventException("unknown campaign " + campaignId));
    }

    private static Generation knownGeneration(Campaign campaign, int generation) {
        return Generation.of(campaign.id, generation).orElseThrow(() -> new InvalidEventException(
                "campaign " + campaign.id + " has no generation " + generation + " (it is at generation "
                        + campaign.currentGeneration + ")"));
    }
}
