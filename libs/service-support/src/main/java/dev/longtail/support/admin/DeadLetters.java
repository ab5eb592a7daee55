package dev.longtail.support.admin;

import dev.longtail.support.SqlColumns;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import dev.longtail.support.messaging.KeyedSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The dead letters of the service ({@code dead_letter}, filled by {@link DeadLetterInbox}): list, inspect, replay
 * (the original value, key and headers sent again to the original topic, through channel {@value #REPLAY_CHANNEL})
 * and discard. Replays and discards are audited.
 */
@ApplicationScoped
public class DeadLetters {

    /** The outgoing channel replays go through; each record names its own topic. */
    public static final String REPLAY_CHANNEL = "dead-letter-replay";
    public static final String REPLAY = "dead-letter.replay";
    public static final String DISCARD = "dead-letter.discard";

    /** A dead letter without its value and headers, as listed. */
    public record Summary(UUID id, String originalTopic, Integer originalPartition, Long originalOffset, String key,
            String reason, Instant receivedAt, Instant replayedAt, int replayCount, int valueLength) {
    }

    /** A dead letter in full. */
    public record Detail(UUID id, String originalTopic, Integer originalPartition, Long originalOffset, String key,
            String reason, String cause, Instant receivedAt, Instant replayedAt, int replayCount, String dlqTopic,
            int dlqPartition, long dlqOffset, Map<String, String> headers, String value) {
    }

    /** One page of the listing, newest first. */
    public record Page(long total, int limit, int offset, List<Summary> items) {
    }

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final AdminAudit audit;
    private final Emitter<String> replays;

    public DeadLetters(EntityManager em, ObjectMapper mapper, AdminAudit audit,
            @Channel(REPLAY_CHANNEL) Emitter<String> replays) {
        this.em = em;
        this.mapper = mapper;
        this.audit = audit;
        this.replays = replays;
    }

    public Page list(int limit, int offset) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = ((Number) em.createNativeQuery("SELECT count(*) FROM dead_letter").getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, original_topic, original_partition, original_offset, "
                    + "record_key, reason, received_at, replayed_at, replay_count, coalesce(length(record_value), 0) "
                    + "FROM dead_letter ORDER BY received_at DESC, id LIMIT ?1 OFFSET ?2")
                    .setParameter(1, limit).setParameter(2, offset).getResultList();
            List<Summary> items = rows.stream().map(r -> new Summary((UUID) r[0], (String) r[1], SqlColumns.integer(r[2]),
                    SqlColumns.longValue(r[3]), (String) r[4], (String) r[5], SqlColumns.instant(r[6]), SqlColumns.instant(r[7]),
                    SqlColumns.integer(r[8]), SqlColumns.integer(r[9]))).toList();
            return new Page(total, limit, offset, items);
        });
    }

    public Detail get(String id) {
        UUID uuid = Ids.uuid(id, "dead letter id");
        return QuarkusTransaction.requiringNew().call(() -> find(uuid));
    }

    /** Sends the original record again to its original topic with its key and headers; 409 when it has no topic. */
    public Detail replay(String id, String actor) {
        Detail letter = get(id);
        if (letter.originalTopic() == null) {
            throw ProblemException.conflict("dead letter " + id + " does not name its original topic");
        }
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(letter.originalTopic())
                .withKey(letter.key())
                .withHeaders(letter.headers().entrySet().stream()
                        .map(h -> new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8))).toList())
                .build();
        KeyedSender.await(List.of(KeyedSender.send(replays, metadata, letter.value())), SEND_TIMEOUT);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dead_letter SET replayed_at = ?1, replay_count = replay_count + 1 WHERE id = ?2")
                    .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, letter.id()).executeUpdate();
            audit.record(actor, REPLAY, letter.id().toString(), null, letter.originalTopic() + " key " + letter.key());
        });
        LOG.infof("dead letter %s replayed to %s (key %s) by %s", id, letter.originalTopic(), letter.key(), actor);
        return get(id);
    }

    /** Deletes the dead letter; the audit entry keeps where it came from, its key and reason. */
    public void discard(String id, String actor) {
        UUID uuid = Ids.uuid(id, "dead letter id");
        QuarkusTransaction.requiringNew().run(() -> {
            Detail letter = find(uuid);
            em.createNativeQuery("DELETE FROM dead_letter WHERE id = ?1").setParameter(1, uuid).executeUpdate();
            audit.record(actor, DISCARD, id, letter.originalTopic() + " key " + letter.key() + ": " + letter.reason(), null);
        });
        LOG.infof("dead letter %s discarded by %s", id, actor);
    }

    private Detail find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, original_topic, original_partition, original_offset, "
                + "record_key, reason, cause, received_at, replayed_at, replay_count, dlq_topic, dlq_partition, "
                + "dlq_offset, headers, record_value FROM dead_letter WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("dead letter", id.toString());
        }
        Object[] r = rows.get(0);
        Map<String, String> headers;
        try {
            headers = mapper.readValue((String) r[13], HEADERS);
        } catch (Exception e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
        return new Detail((UUID) r[0], (String) r[1], SqlColumns.integer(r[2]), SqlColumns.longValue(r[3]), (String) r[4],
                (String) r[5], (String) r[6], SqlColumns.instant(r[7]), SqlColumns.instant(r[8]), SqlColumns.integer(r[9]),
                (String) r[10], SqlColumns.integer(r[11]), SqlColumns.longValue(r[12]), headers, (String) r[14]);
    }
}
