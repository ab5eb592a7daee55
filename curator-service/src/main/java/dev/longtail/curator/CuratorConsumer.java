package dev.longtail.curator;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.core.curation.CurationThresholds;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The curator's Kafka consumers: campaigns (their reference seeds) and generated samples. A record that
 * cannot be processed throws, is nacked and lands on {@code longtail.dlq.curator} with the reason.
 */
@ApplicationScoped
public class CuratorConsumer {

    /** Incoming channel of started campaigns. */
    public static final String CAMPAIGNS_STARTED = "campaigns-started";
    /** Incoming channel of generated (or failed) samples. */
    public static final String SAMPLES_GENERATED = "samples-generated";

    private static final Logger LOG = Logger.getLogger(CuratorConsumer.class);
    /** Attempts for a failure that is not the record's fault (e.g. a lost database connection). */
    private static final int ATTEMPTS = 3;

    private final Curation curation;
    private final CurationSessions sessions;
    private final DatasetPublisher publisher;

    public CuratorConsumer(Curation curation, CurationSessions sessions, DatasetPublisher publisher) {
        this.curation = curation;
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Incoming(CAMPAIGNS_STARTED)
    @Blocking
    public void onCampaignStarted(String payload) {
        CampaignStarted campaign = Events.read(payload, CampaignStarted.class);
        String campaignId = campaignIdOf(campaign.campaignId());
        if (campaign.referenceSeeds() == null) {
            throw new InvalidEventException("campaign " + campaignId + " has no referenceSeeds");
        }
        List<UUID> sealed = withRetry(() -> curation.recordReference(campaignId, campaign), campaignId);
        sealed.forEach(publisher::publish);
    }

    @Incoming(SAMPLES_GENERATED)
    @Blocking
    public void onSampleGenerated(String payload) {
        SampleGenerated sample = Events.read(payload, SampleGenerated.class);
        String campaignId = campaignIdOf(sample.campaignId());
        validate(sample);
        Optional<UUID> sealed = withRetry(() -> curation.decide(campaignId, sample), campaignId);
        sealed.ifPresent(publisher::publish);
    }

    /** Checks what the schema cannot: ids, sizes, the plan's thresholds, the output of a generated sample. */
    private void validate(SampleGenerated sample) {
        if (sample.sampleId() == null || sample.sampleId().isBlank()) {
            throw new InvalidEventException("sample has no sampleId");
        }
        if (sample.generation() < 1) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has generation " + sample.generation() + " (must be >= 1)");
        }
        if (sample.generationSize() < 1) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has generationSize " + sample.generationSize() + " (must be >= 1)");
        }
        if (sample.status() == null) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has no status");
        }
        if (sample.plan() == null || sample.plan().curation() == null) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has no plan.curation");
        }
        double anchorRatio = sample.plan().curation().anchorRatio();
        if (!(anchorRatio >= 0 && anchorRatio < 1)) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has anchorRatio " + anchorRatio + " (must be in [0, 1))");
        }
        try {
            new CurationThresholds(sample.plan().curation().nearDuplicateThreshold(), sample.plan().curation().minWords(),
                    sample.plan().curation().maxWords(), CurationThresholds.DEFAULTS.maxRepeatedNgramShare());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("sample " + sample.sampleId() + " has an invalid curation policy: " + e.getMessage());
        }
        if (sample.status() == SampleStatus.GENERATED) {
            if (sample.seed() == null) {
                throw new InvalidEventException("generated sample " + sample.sampleId() + " has no seed");
            }
            if (sample.output() == null) {
                throw new InvalidEventException("generated sample " + sample.sampleId() + " has no output");
            }
        }
    }

    private static String campaignIdOf(String campaignId) {
        try {
            return UUID.fromString(campaignId).toString();
        } catch (RuntimeException e) {
            throw new InvalidEventException("campaignId " + campaignId + " is not a UUID");
        }
    }

    /**
     * Runs a transaction, retrying failures that are not the record's fault; the campaign's curation session is
     * dropped after a failure because the rolled-back transaction may have changed it.
     */
    private <T> T withRetry(Supplier<T> work, String campaignId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (InvalidEventException e) {
                sessions.forget(campaignId);
                throw e;
            } catch (RuntimeException e) {
                sessions.forget(campaignId);
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf(e, "attempt %d for campaign %s failed; retrying", attempt, campaignId);
            }
        }
    }
}
