package dev.longtail.evolver.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.longtail.contracts.Channels;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.evolver.campaign.GenerationLoop;
import dev.longtail.support.messaging.LoopRecords;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes sealed dataset versions and evaluations. Each is recorded in its own transaction; when that
 * started the next generation, its SeedsEvolved goes out after commit. Unreadable records, campaign ids that are
 * not UUIDs and records of unknown campaigns go to {@code longtail.dlq.evolver} with the reason.
 */
@ApplicationScoped
public class LoopConsumer {

    private final GenerationLoop loop;
    private final EventPublisher publisher;

    public LoopConsumer(GenerationLoop loop, EventPublisher publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    @Incoming(Channels.DATASETS_SEALED)
    @Blocking
    public void onDatasetSealed(String json) {
        DatasetSealed sealed = Events.read(json, DatasetSealed.class);
        record(sealed.campaignId(), campaignId -> loop.recordSealed(campaignId, sealed));
    }

    @Incoming(Channels.EVALUATIONS_COMPLETED)
    @Blocking
    public void onEvaluationCompleted(String json) {
        EvaluationCompleted evaluation = Events.read(json, EvaluationCompleted.class);
        record(evaluation.campaignId(), campaignId -> loop.recordEvaluation(campaignId, evaluation));
    }

    /** Records the event of a valid campaign id and publishes the generation it started, if any, after commit. */
    private void record(String campaignId, Function<UUID, Optional<Integer>> recording) {
        UUID id = UUID.fromString(LoopRecords.campaignIdOf(campaignId));
        LoopRecords.inCampaign(id.toString(), () -> recording.apply(id))
                .ifPresent(next -> publisher.publishGeneration(id, next));
    }
}
