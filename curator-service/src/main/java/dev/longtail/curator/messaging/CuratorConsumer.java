package dev.longtail.curator.messaging;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Channels;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.core.curation.CurationThresholds;
import dev.longtail.curator.admin.CampaignEnds;
import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.curator.version.CampaignCuration;
import dev.longtail.curator.version.VersionArms;
import dev.longtail.support.messaging.LoopRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The curator's Kafka consumers: campaigns (their reference seeds) and generated samples. A record that
 * cannot be processed throws, is nacked and lands on {@code longtail.dlq.curator} with the reason.
 */
@ApplicationScoped
public class CuratorConsumer {

    private final CampaignCuration curation;
    private final CurationSessions sessions;
    private final DatasetPublisher publisher;
    private final CampaignEnds campaignEnds;

    public CuratorConsumer(CampaignCuration curation, CurationSessions sessions, DatasetPublisher publisher,
            CampaignEnds campaignEnds) {
        this.curation = curation;
        this.campaignEnds = campaignEnds;
        this.sessions = sessions;
        this.publisher = publisher;
    }

    @Incoming(Channels.CAMPAIGNS_STARTED)
    @Blocking
    public void onCampaignStarted(String payload) {
        CampaignStarted campaign = Events.read(payload, CampaignStarted.class);
        String campaignId = LoopRecords.campaignIdOf(campaign.campaignId());
        if (campaign.referenceSeeds() == null) {
            throw new InvalidEventException("campaign " + campaignId + " has no referenceSeeds");
        }
        List<UUID> sealed = LoopRecords.withRetry(campaignId, () -> curation.recordReference(campaignId, campaign),
                () -> sessions.forget(campaignId));
        sealed.forEach(publisher::publish);
        sealed.forEach(campaignEnds::afterSeal);
    }

    @Incoming(Channels.SAMPLES_GENERATED)
    @Blocking
    public void onSampleGenerated(String payload) {
        SampleGenerated sample = Events.read(payload, SampleGenerated.class);
        String campaignId = LoopRecords.campaignIdOf(sample.campaignId());
        validate(sample);
        // the campaign's curation session is dropped after a failure: the rolled-back transaction may have changed it
        Optional<UUID> sealed = LoopRecords.withRetry(campaignId, () -> curation.decide(campaignId, sample),
                () -> sessions.forget(campaignId));
        sealed.ifPresent(publisher::publish);
        sealed.ifPresent(campaignEnds::afterSeal);
    }

    /**
     * Checks what the schema cannot: ids, sizes, the plan's thresholds and arm settings (anchor policy, keep share,
     * carry-over, token budget), the output of a generated sample.
     */
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
            VersionArms.check(sample.plan().curation());
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
}
