package dev.longtail.curator.decision;

import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.Decision;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.dedup.Fingerprint;
import dev.longtail.support.JsonColumns;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides on one generated sample of a campaign and stores the decision with its evidence: a failed generation is
 * recorded as failed, a generated sample goes through the campaign's curation pipeline (which remembers it when
 * accepted).
 */
@ApplicationScoped
public class SampleDecider {

    private final CurationSessions sessions;
    private final CurationSettings settings;
    private final JsonColumns json;
    private final MeterRegistry registry;

    public SampleDecider(CurationSessions sessions, CurationSettings settings, JsonColumns json, MeterRegistry registry) {
        this.sessions = sessions;
        this.settings = settings;
        this.json = json;
        this.registry = registry;
    }

    /**
     * The decision made now, or empty when the sample was decided before (a redelivery changes nothing). The caller's
     * transaction holds the campaign's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SampleDecision> decide(String campaignId, SampleGenerated sample) {
        if (SampleDecision.findById(sample.sampleId()) != null) {
            return Optional.empty();
        }
        checkGenerationSize(campaignId, sample);
        SampleDecision decision = recordOf(campaignId, sample);
        if (sample.status() == SampleStatus.FAILED) {
            decision.status = SampleDecision.Status.FAILED;
            decision.reason = sample.failureReason() == null || sample.failureReason().isBlank()
                    ? "generation failed" : sample.failureReason();
            decision.stage = SampleDecision.STAGE_GENERATION;
        } else {
            curate(decision, sample);
        }
        decision.persist();
        // counted per decision made (a rolled-back transaction is retried and counted again: a rate, not a ledger)
        registry.counter("longtail.curator.decisions", "status", decision.status.name(),
                "stage", decision.stage == null ? "none" : decision.stage).increment();
        return Optional.of(decision);
    }

    /** Samples of one generation must agree on its size, or completeness could never be decided. */
    private static void checkGenerationSize(String campaignId, SampleGenerated sample) {
        SampleDecision other = SampleDecision.find("campaignId = ?1 and generation = ?2", campaignId, sample.generation())
                .firstResult();
        if (other != null && other.generationSize != sample.generationSize()) {
            throw new InvalidEventException("sample " + sample.sampleId()
                    + " says generation " + sample.generation() + " has " + sample.generationSize()
                    + " samples, earlier samples said " + other.generationSize);
        }
    }

    /** The sample as the decision keeps it, not yet decided. */
    private SampleDecision recordOf(String campaignId, SampleGenerated sample) {
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
        return decision;
    }

    /** Runs a generated sample through the campaign's pipeline under the plan's policy and records the verdict. */
    private void curate(SampleDecision decision, SampleGenerated sample) {
        CurationConfig config = settings.forLoop(sample.plan());
        var pipeline = sessions.of(decision.campaignId, config);
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
}
