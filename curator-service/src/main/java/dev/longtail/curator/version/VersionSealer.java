package dev.longtail.curator.version;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.decision.CampaignReference;
import dev.longtail.curator.decision.SampleDecision;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seals a generation into a dataset version exactly when its last decision and the campaign's reference are both
 * there: counts its decisions, composes the version under the campaign arm's settings in force ({@link VersionArms},
 * {@link VersionComposer}; a tail-preserving version may carry records over from the previous version) and stores it
 * with its records, unpublished. Carried records are not decisions of this generation: the counts stay those of its
 * samples.
 */
@ApplicationScoped
public class VersionSealer {

    private static final Logger LOG = Logger.getLogger(VersionSealer.class);
    private static final TypeReference<List<SeedRecord>> SEED_LIST = new TypeReference<>() {
    };

    /** A complete generation's decisions counted by status, and its accepted samples in sample-id order. */
    private record Tally(List<SampleDecision> acceptedSamples, int rejected, int failed,
            Map<String, Integer> rejectedByReason) {

        static Tally of(List<SampleDecision> decisions) {
            List<SampleDecision> accepted = new ArrayList<>();
            int rejected = 0;
            int failed = 0;
            Map<String, Integer> rejectedByReason = new TreeMap<>();
            for (SampleDecision d : decisions) {
                switch (d.status) {
                    case ACCEPTED -> accepted.add(d);
                    case REJECTED -> {
                        rejected++;
                        rejectedByReason.merge(d.reason, 1, Integer::sum);
                    }
                    case FAILED -> failed++;
                }
            }
            if (decisions.size() != accepted.size() + rejected + failed) {
                throw new IllegalStateException("generated " + decisions.size() + " != accepted " + accepted.size()
                        + " + rejected " + rejected + " + failed " + failed);
            }
            return new Tally(accepted, rejected, failed, rejectedByReason);
        }

        int accepted() {
            return acceptedSamples.size();
        }
    }

    private final VersionArms arms;
    private final JsonColumns json;

    public VersionSealer(VersionArms arms, JsonColumns json) {
        this.arms = arms;
        this.json = json;
    }

    /** Seals every generation of the campaign that was only waiting for its reference; the ids of the versions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> sealWaiting(String campaignId) {
        List<UUID> sealed = new ArrayList<>();
        for (int generation : SampleDecision.unsealedGenerations(campaignId)) {
            sealIfComplete(campaignId, generation).ifPresent(sealed::add);
        }
        return sealed;
    }

    /**
     * Seals generation g of the campaign if it is complete (decisions == generation size), the reference is known
     * and no version exists yet. The caller's transaction holds the campaign's lock; the unique constraint on
     * (campaign, generation) is the last line of defence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> sealIfComplete(String campaignId, int generation) {
        if (DatasetVersion.of(campaignId, generation).isPresent()) {
            return Optional.empty();
        }
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            return Optional.empty();
        }
        return completeGeneration(campaignId, generation).map(decisions -> seal(campaignId, generation, decisions,
                json.read(reference.referenceSeeds, SEED_LIST)));
    }

    /** The generation's decisions in sample-id order once there is one for each of its samples. */
    private Optional<List<SampleDecision>> completeGeneration(String campaignId, int generation) {
        // Count before loading: this runs after every decision, and most find the generation incomplete.
        SampleDecision any = SampleDecision.find("campaignId = ?1 and generation = ?2", campaignId, generation)
                .firstResult();
        if (any == null
                || SampleDecision.count("campaignId = ?1 and generation = ?2", campaignId, generation) < any.generationSize) {
            return Optional.empty();
        }
        List<SampleDecision> decisions = SampleDecision.ofGeneration(campaignId, generation);
        int generationSize = decisions.get(0).generationSize;
        if (decisions.size() < generationSize) {
            return Optional.empty();
        }
        if (decisions.size() > generationSize) {
            LOG.errorf("campaign %s generation %d has %d decisions for %d samples; not sealing",
                    campaignId, generation, decisions.size(), generationSize);
            return Optional.empty();
        }
        return Optional.of(decisions);
    }

    private UUID seal(String campaignId, int generation, List<SampleDecision> decisions, List<SeedRecord> pool) {
        Tally tally = Tally.of(decisions);
        GenerationPlan plan = json.read(decisions.get(0).plan, GenerationPlan.class);
        VersionArms.Arm arm = arms.inForce(campaignId, plan);
        AnchorPolicy policy = arm.policy();
        List<VersionCandidate> earlier = VersionComposer.takesEarlierGenerations(policy)
                ? SampleDecision.<SampleDecision>list(
                        "campaignId = ?1 and generation < ?2 and status = ?3 order by generation, sampleId",
                        campaignId, generation, SampleDecision.Status.ACCEPTED)
                        .stream().map(VersionCandidate::synthetic).toList()
                : List.of();
        List<VersionCandidate> carried = VersionComposer.carriesOver(policy, arm.budget())
                ? previousSynthetic(campaignId, generation) : List.of();
        var composition = VersionComposer.compose(policy,
                tally.acceptedSamples().stream().map(VersionCandidate::synthetic).toList(), earlier, carried,
                pool.stream().map(VersionCandidate::real).toList(), arm.budget(),
                VersionComposer.anchorSeed(campaignId, generation));

        var version = new DatasetVersion();
        version.id = UUID.randomUUID();
        version.campaignId = campaignId;
        version.generation = generation;
        version.generated = decisions.size();
        version.accepted = tally.accepted();
        version.rejected = tally.rejected();
        version.failed = tally.failed();
        version.rejectedByReason = json.write(tally.rejectedByReason());
        version.anchorRecords = composition.anchors().size();
        version.syntheticRecords = composition.synthetic().size();
        version.leftOutByReason = json.write(new TreeMap<>(composition.leftOut()));
        version.anchorPolicy = policy.name();
        version.anchorPolicySource = arm.policySource().name();
        version.keepShare = arm.keepShareInForce();
        version.carryOver = arm.carryOverInForce();
        version.tokenBudget = arm.tokenBudgetInForce();
        version.carriedRecords = composition.carried();
        version.syntheticTokens = composition.syntheticTokens();
        version.carriedTokens = composition.carriedTokens();
        version.anchorTokens = composition.anchorTokens();
        version.plan = decisions.get(0).plan;
        version.sealedAt = Instant.now();
        version.persistAndFlush();

        int position = 0;
        for (VersionCandidate record : composition.synthetic()) {
            record.toRecord(version.id, position++).persist();
        }
        for (VersionCandidate record : composition.anchors()) {
            record.toRecord(version.id, position++).persist();
        }
        LOG.infof("sealed campaign %s generation %d (%s from %s): %d generated, %d accepted, %d rejected %s, %d failed;"
                + " %d synthetic records (%d carried over; left out %s), %d anchors; %d + %d tokens", campaignId,
                generation, policy, arm.policySource(), version.generated, tally.accepted(), tally.rejected(),
                tally.rejectedByReason(), tally.failed(), version.syntheticRecords, version.carriedRecords,
                composition.leftOut(), version.anchorRecords, version.syntheticTokens, version.anchorTokens);
        return version.id;
    }

    /** The synthetic records of the campaign's latest version before generation g, as candidates to carry over. */
    private static List<VersionCandidate> previousSynthetic(String campaignId, int generation) {
        return DatasetVersion.before(campaignId, generation)
                .map(previous -> VersionRecord.ofVersion(previous.id).stream()
                        .filter(r -> r.source == RecordSource.SYNTHETIC)
                        .map(r -> VersionCandidate.carried(r, previous.generation))
                        .toList())
                .orElse(List.of());
    }
}
