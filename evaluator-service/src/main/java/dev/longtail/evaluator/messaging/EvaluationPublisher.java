package dev.longtail.evaluator.messaging;

import dev.longtail.contracts.Channels;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.EvaluationColumns;
import dev.longtail.evaluator.evaluation.EvaluationStore;
import dev.longtail.support.messaging.OutboxPublisher;
import dev.longtail.support.messaging.OutboxPublisher.PendingRecord;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes evaluations after their transaction committed and marks them published ({@code publishedAt}) once the
 * broker acknowledged them; a sweep sends again whatever a crash or a broker outage left unpublished.
 */
@ApplicationScoped
public class EvaluationPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxPublisher outbox;
    private final EvaluationColumns columns;
    private final EvaluationStore store;

    public EvaluationPublisher(@Channel(Channels.EVALUATIONS_COMPLETED) Emitter<String> emitter,
            EvaluationColumns columns, EvaluationStore store) {
        this.outbox = new OutboxPublisher(emitter, ACK_TIMEOUT);
        this.columns = columns;
        this.store = store;
    }

    /**
     * Sends the evaluation unless already published; a failure is logged and left to the sweep. Serialised
     * in-process: the sweep and the consumer both send in evaluation order, so neither can send a campaign's
     * generation g+1 while the other is still sending g.
     */
    public synchronized void publish(UUID evaluationId) {
        outbox.publish("evaluation " + evaluationId, () -> pending(evaluationId), () -> markPublished(evaluationId));
    }

    @Scheduled(every = "${longtail.evaluator.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        store.unpublished().forEach(this::publish);
    }

    private Optional<PendingRecord> pending(UUID evaluationId) {
        Evaluation e = Evaluation.findById(evaluationId);
        if (e == null || e.publishedAt != null) {
            return Optional.empty();
        }
        var event = new EvaluationCompleted(Events.SCHEMA_VERSION, e.id.toString(), e.campaignId, e.generation,
                e.datasetVersionId.toString(), e.generationMetrics(), e.verdict, columns.reasons(e), columns.adjustments(e));
        return Optional.of(new PendingRecord(e.campaignId, Events.write(event)));
    }

    private static void markPublished(UUID evaluationId) {
        Evaluation evaluation = Evaluation.findById(evaluationId);
        evaluation.publishedAt = Instant.now();
    }
}
