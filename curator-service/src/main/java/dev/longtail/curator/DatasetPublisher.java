package dev.longtail.curator;

import dev.longtail.support.JsonColumns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes sealed dataset versions after their transaction committed, and marks them published once the
 * broker acknowledged them; a sweep sends again whatever a crash or a broker outage left unpublished.
 */
@ApplicationScoped
public class DatasetPublisher {

    /** Outgoing channel of sealed dataset versions. */
    public static final String DATASETS_SEALED = "datasets-sealed";

    private static final Logger LOG = Logger.getLogger(DatasetPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };

    private final MutinyEmitter<String> emitter;
    private final JsonColumns json;

    public DatasetPublisher(@Channel(DATASETS_SEALED) MutinyEmitter<String> emitter, JsonColumns json) {
        this.emitter = emitter;
        this.json = json;
    }

    /**
     * Sends the version unless it is already published; failures are logged and left to the sweep. Serialised
     * in this process so that the sweep and a consumer do not send the same version twice.
     */
    public synchronized void publish(UUID versionId) {
        try {
            DatasetSealed event = QuarkusTransaction.requiringNew().call(() -> eventOf(versionId));
            if (event == null) {
                return;
            }
            var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.campaignId()).build();
            emitter.sendMessage(Message.of(Events.write(event)).addMetadata(metadata)).await().atMost(ACK_TIMEOUT);
            QuarkusTransaction.requiringNew().run(() -> {
                DatasetVersion version = DatasetVersion.findById(versionId);
                version.publishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "dataset version %s not published yet; the sweep will retry", versionId);
        }
    }

    /** Re-sends versions sealed but not confirmed by the broker (a crash between commit and send). */
    @Scheduled(every = "${longtail.curator.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(DatasetVersion::unpublished);
        pending.forEach(this::publish);
    }

    /** The event of an unpublished version, or null if it has been published meanwhile. */
    private DatasetSealed eventOf(UUID versionId) {
        DatasetVersion version = DatasetVersion.findById(versionId);
        if (version == null || version.publishedAt != null) {
            return null;
        }
        var counts = new DecisionCounts(version.generated, version.accepted, version.rejected, version.failed,
                json.read(version.rejectedByReason, REASON_COUNTS));
        var records = VersionRecord.ofVersion(versionId).stream().map(VersionRecord::toContract).toList();
        return new DatasetSealed(Events.SCHEMA_VERSION, version.id.toString(), version.campaignId, version.generation,
                json.read(version.plan, GenerationPlan.class), counts, version.anchorRecords, records);
    }
}
