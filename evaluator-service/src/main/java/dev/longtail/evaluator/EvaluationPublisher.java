package dev.longtail.evaluator;

import dev.longtail.support.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes evaluations after their transaction committed and marks them published once the broker
 * acknowledged them; a sweep sends again whatever a crash or a broker outage left unpublished.
 */
@ApplicationScoped
public class EvaluationPublisher {

    /** Outgoing channel of completed evaluations. */
    public static final String EVALUATIONS_COMPLETED = "evaluations-completed";

    private static final Logger LOG = Logger.getLogger(EvaluationPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Adjustment>> ADJUSTMENTS = new TypeReference<>() {
    };

    private final MutinyEmitter<String> emitter;
    private final JsonColumns json;

    public EvaluationPublisher(@Channel(EVALUATIONS_COMPLETED) MutinyEmitter<String> emitter, JsonColumns json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** Sends the evaluation unless already published; serialised in-process so the sweep does not send it twice. */
    public synchronized void publish(UUID evaluationId) {
        try {
            EvaluationCompleted event = QuarkusTransaction.requiringNew().call(() -> eventOf(evaluationId));
            if (event == null) {
                return;
            }
            var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.campaignId()).build();
            emitter.sendMessage(Message.of(Events.write(event)).addMetadata(metadata)).await().atMost(ACK_TIMEOUT);
            QuarkusTransaction.requiringNew().run(() -> {
                Evaluation evaluation = Evaluation.findById(evaluationId);
                evaluation.publishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "evaluation %s not published yet; the sweep will retry", evaluationId);
        }
    }

    @Scheduled(every = "${longtail.evaluator.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(Evaluation::unpublished);
        pending.forEach(this::publish);
    }

    private EvaluationCompleted eventOf(UUID evaluationId) {
        Evaluation e = Evaluation.findById(evaluationId);
        if (e == null || e.publishedAt != null) {
            return null;
        }
        return new EvaluationCompleted(Events.SCHEMA_VERSION, e.id.toString(), e.campaignId, e.generation,
                e.datasetVersionId.toString(), e.generationMetrics(), e.verdict, json.read(e.reasons, STRINGS),
                json.read(e.adjustments, ADJUSTMENTS));
    }
}
