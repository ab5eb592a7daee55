package dev.longtail.curator;

import dev.longtail.support.CampaignLocks;

import dev.longtail.support.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.Decision;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.dedup.Fingerprint;
import dev.longtail.core.selection.TailPreservingVersion;
import io.micrometer.core.instrument.MeterRegistry;
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
 * The curator's state changes, each in one transaction under the campaign's lock: store a campaign's
 * reference, decide on a sample, and seal a generation exactly when its last decision and the reference
 * are both there, whichever arrived last.
 */
@ApplicationScoped
public class Curation {

    private static final Logger LOG = Logger.getLogger(Curation.class);
    private static final TypeReference<List<SeedRecord>> SEED_LIST = new TypeReference<>() {
    };

    private final CampaignLocks locks;
    private final CurationSessions sessions;
    private final CurationSettings settings;
    private final AnchorPolicies anchorPolicies;
    private final JsonColumns json;
    private final MeterRegistry registry;

    public Curation(CampaignLocks locks, CurationSessions sessions, CurationSettings settings,
            AnchorPolicies anchorPolicies, JsonColumns json, MeterRegistry registry) {
        this.locks = locks;
        this.sessions = sessions;
        this.settings = settings;
        this.anchorPolicies = anchorPolicies;
        this.json = json;
        this.registry = registry;
    }

    /**
     * Stores the reference seeds (once) and seals every generation of the campaign that was only waiting
     * for them. Returns the ids of the versions sealed now, to publish after commit.
     */
    @Transactional
    public List<UUID> recordReference(String campaignId, CampaignStarted campaign) {
        locks.lock(campaignId);
        if (CampaignReference.findById(campaignId) == null) {
            var reference = new CampaignReference();
            reference.campaignId = campaignId;
            reference.referenceSeeds = json.write(campaign.referenceSeeds());
            reference.receivedAt = Instant.now();
            reference.persist();
        }
        List<UUID> sealed = new ArrayList<>();
        for (int generation : SampleDecision.unsealedGenerations(campaignId)) {
            trySeal(campaignId, generation).ifPresent(sealed::add);
        }
        return sealed;
    }

    /**
     * Decides on a sample (a redelivered sample changes nothing), persists the decision, and seals its
     * generation if this was the last decision missing. Returns the version sealed now, if any.
     */
    @Transactional
    public Optional<UUID> decide(String campaignId, SampleGenerated sample) {
        locks.lock(campaignId);
        if (SampleDecision.findById(sample.sampleId()) != null) {
            return Optional.empty();
        }
        checkGenerationSize(campaignId, sample);
        var decision = new SampleDecision();
        decision.sampleId = sample.sampleId();
        decision.campaignId = campaignId;
        decision.generation = sample.generation();
        decision.generationSize = sample.generationSize();
        if (sample.seed() != null) {
            decision.seedId = sample.seed().seedId();
            decision.parentSeedId = sample.seed().parentSeedId();
            decision.operator = sample.seed().operator();
            decision.category = sample.seed().category();
            decision.instruction = sample.seed().instruction();
            decision.input = sample.seed().input();
        }
        decision.output = sample.output();
        decision.provenance = sample.provenance() == null ? null : json.write(sample.provenance());
        decision.plan = json.write(sample.plan());
        decision.decidedAt = Instant.now();

        if (sample.status() == SampleStatus.FAILED) {
            decision.status = SampleDecision.Status.FAILED;
            decision.reason = sample.failureReason() == null || sample.failureReason().isBlank()
                    ? "generation failed" : sample.failureReason();
            decision.stage = SampleDecision.STAGE_GENERATION;
        } else {
            CurationConfig config = settings.forLoop(sample.plan());
            var pipeline = sessions.of(campaignId, config);
            var candidate = new CurationSample(sample.sampleId(), decision.instruction, decision.input, sample.output());
            SampleVerdict verdict;
            synchronized (pipeline) {
                // curate() remembers an accepted sample in the pipeline itself
                verdict = pipeline.curate(candidate, config);
            }
            Decision d = verdict.decision();
            decision.status = d.accepted() ? SampleDecision.Status.ACCEPTED : SampleDecision.Status.REJECTED;
            decision.reason = d.reason() == null ? null : d.reason().name();
            decision.stage = d.stage();
            decision.score = d.score();
            decision.threshold = d.threshold();
            decision.duplicateOf = verdict.duplicateOf();
            decision.scores = verdict.scores().isEmpty() ? null : json.write(verdict.scores());
            // the exact-duplicate key of the sample, kept so that a reviewer can group duplicates
            decision.fingerprint = Fingerprint.of(candidate.fullText()).hex();
        }
        decision.persist();
        // counted per decision made (a rolled-back transaction is retried and counted again: a rate, not a ledger)
        registry.counter("longtail.curator.decisions", "status", decision.status.name(),
                "stage", decision.stage == null ? "none" : decision.stage).increment();
        return trySeal(campaignId, sample.generation());
    }

    /** Samples of one generation must agree on its size, or completeness could never be decided. */
    private void checkGenerationSize(String campaignId, SampleGenerated sample) {
        SampleDecision other = SampleDecision.find("campaignId = ?1 and generation = ?2", campaignId, sample.generation())
                .firstResult();
        if (other != null && other.generationSize != sample.generationSize()) {
            throw new dev.longtail.contracts.Events.InvalidEventException("sample " + sample.sampleId()
                    + " says generation " + sample.generation() + " has " + sample.generationSize()
                    + " samples, earlier samples said " + other.generationSize);
        }
    }

    /**
     * Seals generation g of the campaign if it is complete (decisions == generation size), the reference is
     * known and no version exists yet. The caller holds the campaign's lock; the unique constraint on
     * (campaign, generation) is the last line of defence.
     */
    private Optional<UUID> trySeal(String campaignId, int generation) {
        if (DatasetVersion.of(campaignId, generation).isPresent()) {
            return Optional.empty();
        }
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            return Optional.empty();
        }
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

        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        Map<String, Integer> rejectedByReason = new TreeMap<>();
        List<SampleDecision> acceptedSamples = new ArrayList<>();
        for (SampleDecision d : decisions) {
            switch (d.status) {
                case ACCEPTED -> {
                    accepted++;
                    acceptedSamples.add(d);
                }
                case REJECTED -> {
                    rejected++;
                    rejectedByReason.merge(d.reason, 1, Integer::sum);
                }
                case FAILED -> failed++;
            }
        }
        if (decisions.size() != accepted + rejected + failed) {
            throw new IllegalStateException("generated " + decisions.size() + " != accepted " + accepted
                    + " + rejected " + rejected + " + failed " + failed);
        }

        GenerationPlan plan = json.read(decisions.get(0).plan, GenerationPlan.class);
        List<SeedRecord> pool = json.read(reference.referenceSeeds, SEED_LIST);
        AnchorPolicy policy = anchorPolicies.of(campaignId);
        List<SampleDecision> earlier = policy == AnchorPolicy.ACCUMULATE || policy == AnchorPolicy.ACCUMULATE_SUBSAMPLE
                ? SampleDecision.list("campaignId = ?1 and generation < ?2 and status = ?3 order by generation, sampleId",
                        campaignId, generation, SampleDecision.Status.ACCEPTED)
                : List.of();
        List<Object> current = new ArrayList<>(acceptedSamples);
        AnchorPolicy.Mix<Object> mix;
        Map<String, Integer> leftOut = Map.of();
        if (policy == AnchorPolicy.TAIL_PRESERVING) {
            var composition = TailPreservingVersion.compose(current, new ArrayList<>(pool), Curation::fullText,
                    plan.curation().anchorRatio(), settings.current().selectionKeepShare(), TailPreservingVersion.RECORDS);
            mix = composition.mix();
            leftOut = composition.leftOut();
        } else {
            mix = policy.mix(current, new ArrayList<>(earlier), new ArrayList<>(pool), plan.curation().anchorRatio(),
                    anchorSeed(campaignId, generation));
        }

        var version = new DatasetVersion();
        version.id = UUID.randomUUID();
        version.campaignId = campaignId;
        version.generation = generation;
        version.generated = decisions.size();
        version.accepted = accepted;
        version.rejected = rejected;
        version.failed = failed;
        version.rejectedByReason = json.write(rejectedByReason);
        version.anchorRecords = mix.real().size();
        version.syntheticRecords = mix.synthetic().size();
        version.leftOutByReason = json.write(new TreeMap<>(leftOut));
        version.anchorPolicy = policy.name();
        version.plan = decisions.get(0).plan;
        version.sealedAt = Instant.now();
        version.persistAndFlush();

        int position = 0;
        for (Object o : mix.synthetic()) {
            SampleDecision d = (SampleDecision) o;
            var record = record(version.id, position++, d.sampleId, RecordSource.SYNTHETIC, d.seedId, d.parentSeedId,
                    d.operator, d.category);
            record.instruction = d.instruction;
            record.input = d.input;
            record.output = d.output;
            record.generation = d.generation;
            record.persist();
        }
        for (Object o : mix.real()) {
            SeedRecord seed = (SeedRecord) o;
            var record = record(version.id, position++, seed.seedId(), RecordSource.REAL, seed.seedId(), null, null,
                    seed.category());
            record.instruction = seed.instruction();
            record.input = seed.input();
            record.output = seed.output();
            record.generation = 0;
            record.persist();
        }
        int anchorsSize = mix.real().size();
        LOG.infof("sealed campaign %s generation %d (%s): %d generated, %d accepted, %d rejected %s, %d failed;"
                + " %d synthetic records (left out %s), %d anchors", campaignId, generation, policy, version.generated,
                accepted, rejected, rejectedByReason, failed, version.syntheticRecords, leftOut, anchorsSize);
        return Optional.of(version.id);
    }

    private static VersionRecord record(UUID versionId, int position, String recordId, RecordSource source,
            String seedId, String parentSeedId, String operator, String category) {
        var record = new VersionRecord();
        record.datasetVersionId = versionId;
        record.position = position;
        record.recordId = recordId;
        record.source = source;
        record.seedId = seedId;
        record.parentSeedId = parentSeedId;
        record.operator = operator;
        record.category = category;
        return record;
    }

    /** The text the tail-preserving selection profiles: a sample's or a seed's instruction, input and output. */
    private static String fullText(Object record) {
        if (record instanceof SampleDecision d) {
            return new CurationSample(d.sampleId, d.instruction, d.input, d.output).fullText();
        }
        SeedRecord seed = (SeedRecord) record;
        return new CurationSample(seed.seedId(), seed.instruction(), seed.input(), seed.output()).fullText();
    }

    /** The anchors of a generation depend only on the campaign and the generation, so a re-seal picks the same. */
    static long anchorSeed(String campaignId, int generation) {
        UUID id = UUID.fromString(campaignId);
        return (id.getMostSignificantBits() ^ id.getLeastSignificantBits()) * 31 + generation;
    }
}
