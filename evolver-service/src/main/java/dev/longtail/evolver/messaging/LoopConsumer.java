package dev.longtail.evolver.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.evolver.campaign.GenerationLoop;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes sealed dataset versions and evaluations. Each is recorded in its own transaction; when that
 * started the next generation, its SeedsEvolved goes out after commit. Unreadable records and records of
 * unknown campaigns go to {@code longtail.dlq.evolver} with the reason.
 */
@ApplicationScoped
public class LoopConsumer {

    /** Incoming channel: {@code longtail.datasets.sealed}. */
    public static final String DATASETS_SEALED = "datasets-sealed";
    /** Incoming channel: {@code longtail.evaluations.completed}. */
    public static final String EVALUATIONS_COMPLETED = "evaluations-completed";

    private final GenerationLoop loop;
    private final EventPublisher publisher;

    public LoopConsumer(GenerationLoop loop, EventPublisher publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    @Incoming(DATASETS_SEALED)
    @Blocking
    public void onDatasetSealed(String json) {
        DatasetSealed sealed = Events.read(json, DatasetSealed.class);
        loop.recordSealed(sealed)
                .ifPresent(next -> publisher.publishGeneration(UUID.fromString(sealed.campaignId()), next));
    }

    @Incoming(EVALUATIONS_COMPLETED)
    @Blocking
    public void onEvaluationCompleted(String json) {
        EvaluationCompleted evaluation = Events.read(json, EvaluationCompleted.class);
        loop.recordEvaluation(evaluation)
                .ifPresent(next -> publisher.publishGeneration(UUID.fromString(evaluation.campaignId()), next));
    }
}
