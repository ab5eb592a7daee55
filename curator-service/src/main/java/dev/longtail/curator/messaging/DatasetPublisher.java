package dev.longtail.curator.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Channels;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.curator.version.DatasetVersion;
import dev.longtail.curator.version.VersionRecord;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.messaging.OutboxPublisher;
import dev.longtail.support.messaging.OutboxPublisher.PendingRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes sealed dataset versions after their transaction committed and stamps {@code publishedAt} once the
 * broker acknowledged them ({@link OutboxPublisher}); a sweep sends again whatever a crash or a broker outage left
 * unpublished.
 */
@ApplicationScoped
public class DatasetPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };

    private final OutboxPublisher outbox;
    private final JsonColumns json;

    public DatasetPublisher(@Channel(Channels.DATASETS_SEALED) Emitter<String> emitter, JsonColumns json) {
        this.outbox = new OutboxPublisher(emitter, ACK_TIMEOUT);
        this.json = json;
    }

    /** Sends the version unless it is already published; failures are logged and left to the sweep. */
    public OutboxPublisher.Outcome publish(UUID versionId) {
        return outbox.publish("dataset version " + versionId, () -> pending(versionId), () -> {
            DatasetVersion version = DatasetVersion.findById(versionId);
            version.publishedAt = Instant.now();
        });
    }

    /** Re-sends versions sealed but not confirmed by the broker (a crash between commit and send). */
    @Scheduled(every = "${longtail.curator.publish-sweep-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // a short transaction of its own: the sends that follow must not hold it open
        List<UUID> pending = QuarkusTransaction.requiringNew().call(DatasetVersion::unpublished);
        pending.forEach(this::publish);
    }

    /** The event of an unpublished version, keyed by its campaign; empty once published or gone. */
    private Optional<PendingRecord> pending(UUID versionId) {
        DatasetVersion version = DatasetVersion.findById(versionId);
        if (version == null || version.publishedAt != null) {
            return Optional.empty();
        }
        var counts = new DecisionCounts(version.generated, version.accepted, version.rejected, version.failed,
                json.read(version.rejectedByReason, REASON_COUNTS));
        var records = VersionRecord.ofVersion(versionId).stream().map(VersionRecord::toContract).toList();
        var event = new DatasetSealed(Events.SCHEMA_VERSION, version.id.toString(), version.campaignId,
                version.generation, json.read(version.plan, GenerationPlan.class), counts, version.anchorRecords, records);
        return Optional.of(new PendingRecord(version.campaignId, Events.write(event)));
    }
}
