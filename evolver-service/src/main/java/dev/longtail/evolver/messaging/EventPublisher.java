package dev.longtail.evolver.messaging;

import static org.eclipse.microprofile.reactive.messaging.OnOverflow.Strategy.UNBOUNDED_BUFFER;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import dev.longtail.contracts.Channels;
import dev.longtail.contracts.Events;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.campaign.CampaignOutbox;
import dev.longtail.support.messaging.OutboxPublisher;
import dev.longtail.support.messaging.OutboxPublisher.Outcome;
import dev.longtail.support.messaging.OutboxPublisher.PendingRecord;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes what a committed transaction decided: {@code CampaignStarted} and each generation's
 * {@code SeedsEvolved}, keyed by campaign id, marked published once the broker acknowledged them. A campaign's
 * CampaignStarted always goes out before its first generation. A sweep re-sends what is still unpublished after
 * a crash between commit and send.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final OutboxPublisher campaignsStarted;
    private final OutboxPublisher seedsEvolved;
    private final CampaignOutbox outbox;
    private final EvolverConfig config;

    public EventPublisher(
            @Channel(Channels.CAMPAIGNS_STARTED) @OnOverflow(UNBOUNDED_BUFFER) Emitter<String> campaignsStarted,
            @Channel(Channels.SEEDS_EVOLVED) @OnOverflow(UNBOUNDED_BUFFER) Emitter<String> seedsEvolved,
            CampaignOutbox outbox, EvolverConfig config) {
        this.campaignsStarted = new OutboxPublisher(campaignsStarted, config.sendTimeout());
        this.seedsEvolved = new OutboxPublisher(seedsEvolved, config.sendTimeout());
        this.outbox = outbox;
        this.config = config;
    }

    /** A new campaign: CampaignStarted, then generation 1. Failures are left to the sweep. */
    public void publishCampaign(UUID campaignId) {
        if (publishStarted(campaignId)) {
            publishGeneration(campaignId, 1);
        }
    }

    /** Sends CampaignStarted unless it went out already; true once it is out (now or earlier). */
    public boolean publishStarted(UUID campaignId) {
        Outcome outcome = campaignsStarted.publish("CampaignStarted " + campaignId,
                () -> outbox.unpublishedStarted(campaignId).map(event -> record(campaignId, event)),
                () -> outbox.markStartedPublished(campaignId));
        return switch (outcome) {
            case SENT -> {
                LOG.infof("Published CampaignStarted %s", campaignId);
                yield true;
            }
            case NOTHING_PENDING -> publishedEarlier(campaignId);
            case IN_FLIGHT, FAILED -> false;
        };
    }

    /** Sends generation g's SeedsEvolved unless it went out already. */
    public void publishGeneration(UUID campaignId, int generation) {
        Outcome outcome = seedsEvolved.publish("SeedsEvolved " + campaignId + " generation " + generation,
                () -> outbox.unpublishedGeneration(campaignId, generation).map(event -> record(campaignId, event)),
                () -> outbox.markGenerationPublished(campaignId, generation));
        if (outcome == Outcome.SENT) {
            LOG.infof("Published SeedsEvolved %s generation %d", campaignId, generation);
        }
    }

    /**
     * Re-sends what a crash left unpublished; waits a grace period so that it never races the normal path, and
     * sends a campaign's generations only once its CampaignStarted is out (the second query sees the first's sends).
     * Skipped while the application starts or stops: the channels may not be connected yet (or any more).
     */
    @Scheduled(every = "${longtail.evolver.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        Instant before = Instant.now().minus(config.publishGrace());
        outbox.startedAwaitingPublish(before).forEach(this::publishStarted);
        outbox.generationsAwaitingPublish(before).forEach(g -> publishGeneration(g.campaignId(), g.generation()));
    }

    private boolean publishedEarlier(UUID campaignId) {
        try {
            return outbox.startedPublished(campaignId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot tell whether CampaignStarted %s went out; the sweep retries", campaignId);
            return false;
        }
    }

    private static PendingRecord record(UUID campaignId, Object event) {
        return new PendingRecord(campaignId.toString(), Events.write(event));
    }
}
