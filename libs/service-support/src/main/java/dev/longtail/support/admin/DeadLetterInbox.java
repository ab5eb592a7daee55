package dev.longtail.support.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Copies every record of the service's own dead-letter topic ({@code longtail.dlq.<service>}, channel
 * {@value #CHANNEL}) into {@code dead_letter}, with the original topic, partition, offset, key, headers and the
 * reason, so that listing dead letters does not scan Kafka. A record read again is stored once.
 */
@ApplicationScoped
public class DeadLetterInbox {

    /** The channel every service configures with its dead-letter topic. */
    public static final String CHANNEL = "dead-letters";
    /** The headers SmallRye's dead-letter strategy adds; not copied back on replay. */
    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public DeadLetterInbox(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void store(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX) && header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String headersJson;
        try {
            headersJson = mapper.writeValueAsString(headers);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write headers as JSON", e);
        }
        String originalPartition = header(record, "dead-letter-partition");
        String originalOffset = header(record, "dead-letter-offset");
        em.createNativeQuery("INSERT INTO dead_letter (id, dlq_topic, dlq_partition, dlq_offset, original_topic, "
                + "original_partition, original_offset, record_key, record_value, headers, reason, cause, received_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                + "ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, header(record, "dead-letter-topic"))
                .setParameter(6, originalPartition == null ? null : Integer.valueOf(originalPartition))
                .setParameter(7, originalOffset == null ? null : Long.valueOf(originalOffset))
                .setParameter(8, record.key())
                .setParameter(9, record.value())
                .setParameter(10, headersJson)
                .setParameter(11, header(record, "dead-letter-reason"))
                .setParameter(12, header(record, "dead-letter-cause"))
                .setParameter(13, Timestamp.from(Instant.ofEpochMilli(record.timestamp())))
                .executeUpdate();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
