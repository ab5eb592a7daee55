package dev.longtail.evaluator.messaging;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Channels;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Events.InvalidEventException;
import dev.longtail.evaluator.downstream.DownstreamJobs;
import dev.longtail.evaluator.evaluation.Evaluations;
import dev.longtail.evaluator.admin.CampaignEnds;
import dev.longtail.evaluator.report.CampaignGauges;
import dev.longtail.support.messaging.LoopRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The evaluator's Kafka consumers: campaigns (reference and held-out seeds) and sealed dataset versions. A
 * record that cannot be processed throws, is nacked and lands on {@code longtail.dlq.evaluator} with the reason.
 */
@ApplicationScoped
public class EvaluatorConsumer {

    private static final Logger LOG = Logger.getLogger(EvaluatorConsumer.class);
    /** Nothing to undo after a failed attempt: every step is a transaction of its own, or pure computation. */
    private static final Runnable NOTHING_TO_UNDO = () -> {
    };

    private final Evaluations evaluations;
    private final EvaluationPublisher publisher;
    private final CampaignGauges gauges;
    private final DownstreamJobs downstream;
    private final CampaignEnds campaignEnds;

    public EvaluatorConsumer(Evaluations evaluations, EvaluationPublisher publisher, CampaignGauges gauges,
            DownstreamJobs downstream, CampaignEnds campaignEnds) {
        this.campaignEnds = campaignEnds;
        this.evaluations = evaluations;
        this.publisher = publisher;
        this.gauges = gauges;
        this.downstream = downstream;
    }

    @Incoming(Channels.CAMPAIGNS_STARTED)
    @Blocking
    public void onCampaignStarted(String payload) {
        CampaignStarted campaign = Events.read(payload, CampaignStarted.class);
        String campaignId = LoopRecords.campaignIdOf(campaign.campaignId());
        if (campaign.generations() < 1) {
            throw new InvalidEventException("campaign " + campaignId + " has " + campaign.generations() + " generations (must be >= 1)");
        }
        if (campaign.referenceSeeds() == null || campaign.referenceSeeds().isEmpty()) {
            throw new InvalidEventException("campaign " + campaignId + " has no reference seeds to measure against");
        }
        if (campaign.heldOutSeeds() == null || campaign.heldOutSeeds().isEmpty()) {
            throw new InvalidEventException("campaign " + campaignId + " has no held-out seeds to measure perplexity on");
        }
        afterCommit(LoopRecords.withRetry(campaignId, () -> evaluations.recordReference(campaignId, campaign),
                NOTHING_TO_UNDO));
    }

    @Incoming(Channels.DATASETS_SEALED)
    @Blocking
    public void onDatasetSealed(String payload) {
        DatasetSealed sealed = Events.read(payload, DatasetSealed.class);
        String campaignId = LoopRecords.campaignIdOf(sealed.campaignId());
        validate(sealed);
        afterCommit(LoopRecords.withRetry(campaignId, () -> evaluations.recordVersion(campaignId, sealed),
                NOTHING_TO_UNDO));
    }

    /** After commit: publish, update the gauges, submit the downstream jobs (none of which may stop the loop). */
    private void afterCommit(List<UUID> evaluationIds) {
        evaluationIds.forEach(publisher::publish);
        for (UUID id : evaluationIds) {
            try {
                gauges.refresh(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "gauges not updated for evaluation %s", id);
            }
            downstream.submit(id);
            campaignEnds.afterEvaluation(id);
        }
    }

    private static void validate(DatasetSealed sealed) {
        try {
            UUID.fromString(sealed.datasetVersionId());
        } catch (RuntimeException e) {
            throw new InvalidEventException("datasetVersionId " + sealed.datasetVersionId() + " is not a UUID");
        }
        if (sealed.generation() < 1) {
            throw new InvalidEventException("dataset version " + sealed.datasetVersionId() + " has generation " + sealed.generation());
        }
        if (sealed.plan() == null || sealed.plan().sampling() == null || sealed.plan().curation() == null) {
            throw new InvalidEventException("dataset version " + sealed.datasetVersionId() + " has no complete plan");
        }
        var counts = sealed.counts();
        if (counts == null) {
            throw new InvalidEventException("dataset version " + sealed.datasetVersionId() + " has no counts");
        }
        if (counts.generated() != counts.accepted() + counts.rejected() + counts.failed()) {
            throw new InvalidEventException("dataset version " + sealed.datasetVersionId() + " has generated "
                    + counts.generated() + " != accepted + rejected + failed");
        }
        if (sealed.records() == null || sealed.records().stream().anyMatch(r -> r == null)) {
            throw new InvalidEventException("dataset version " + sealed.datasetVersionId() + " has no records list");
        }
    }
}
