package dev.longtail.evaluator;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.Events.InvalidEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The evaluator's Kafka consumers: campaigns (reference and held-out seeds) and sealed dataset versions. A
 * record that cannot be processed throws, is nacked and lands on {@code longtail.dlq.evaluator} with the reason.
 */
@ApplicationScoped
public class EvaluatorConsumer {

    /** Incoming channel of started campaigns. */
    public static final String CAMPAIGNS_STARTED = "campaigns-started";
    /** Incoming channel of sealed dataset versions. */
    public static final String DATASETS_SEALED = "datasets-sealed";

    private static final Logger LOG = Logger.getLogger(EvaluatorConsumer.class);
    /** Attempts for a failure that is not the record's fault (e.g. a lost database connection). */
    private static final int ATTEMPTS = 3;

    private final Evaluations evaluations;
    private final EvaluationPublisher publisher;
    private final CampaignGauges gauges;
    private final DownstreamJobs downstream;

    public EvaluatorConsumer(Evaluations evaluations, EvaluationPublisher publisher, CampaignGauges gauges,
            DownstreamJobs downstream) {
        this.evaluations = evaluations;
        this.publisher = publisher;
        this.gauges = gauges;
        this.downstream = downstream;
    }

    @Incoming(CAMPAIGNS_STARTED)
    @Blocking
    public void onCampaignStarted(String payload) {
        CampaignStarted campaign = Events.read(payload, CampaignStarted.class);
        String campaignId = campaignIdOf(campaign.campaignId());
        if (campaign.generations() < 1) {
            throw new InvalidEventException("campaign " + campaignId + " has " + campaign.generations() + " generations (must be >= 1)");
        }
        if (campaign.referenceSeeds() == null || campaign.referenceSeeds().isEmpty()) {
            throw new InvalidEventException("campaign " + campaignId + " has no reference seeds to measure against");
        }
        if (campaign.heldOutSeeds() == null || campaign.heldOutSeeds().isEmpty()) {
            throw new InvalidEventException("campaign " + campaignId + " has no held-out seeds to measure perplexity on");
        }
        publishAll(withRetry(() -> evaluations.recordReference(campaignId, campaign)));
    }

    @Incoming(DATASETS_SEALED)
    @Blocking
    public void onDatasetSealed(String payload) {
        DatasetSealed sealed = Events.read(payload, DatasetSealed.class);
        String campaignId = campaignIdOf(sealed.campaignId());
        validate(sealed);
        publishAll(withRetry(() -> evaluations.recordVersion(campaignId, sealed)));
    }

    /** After commit: publish, update the gauges, submit the downstream jobs (none of which may stop the loop). */
    private void publishAll(List<UUID> evaluationIds) {
        evaluationIds.forEach(publisher::publish);
        for (UUID id : evaluationIds) {
            try {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                    Evaluation e = Evaluation.findById(id);
                    if (e != null) {
                        gauges.update(e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "gauges not updated for evaluation %s", id);
            }
            downstream.submit(id);
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

    private static String campaignIdOf(String campaignId) {
        try {
            return UUID.fromString(campaignId).toString();
        } catch (RuntimeException e) {
            throw new InvalidEventException("campaignId " + campaignId + " is not a UUID");
        }
    }

    private static <T> T withRetry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf(e, "attempt %d failed; retrying", attempt);
            }
        }
    }
}
