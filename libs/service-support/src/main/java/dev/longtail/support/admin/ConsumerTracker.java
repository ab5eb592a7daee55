package dev.longtail.support.admin;

import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Watches every Kafka channel of the service (an interceptor without {@code @Identifier} applies to all): how many
 * records are in flight (received, neither acknowledged nor dead-lettered yet), how many were handled, and the next
 * offset of each partition whose records were handled, which a drain waits to see committed.
 */
@ApplicationScoped
public class ConsumerTracker implements IncomingInterceptor {

    /** What one channel's records did in this instance. */
    public static final class ChannelActivity {
        private final AtomicLong inFlight = new AtomicLong();
        private final AtomicLong handled = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();

        public long inFlight() {
            return inFlight.get();
        }

        public long handled() {
            return handled.get();
        }

        public long failed() {
            return failed.get();
        }

        /** Per partition, the offset after the last record handled here: what a complete commit has reached. */
        public Map<TopicPartition, Long> nextOffsets() {
            return Map.copyOf(nextOffsets);
        }
    }

    private final Map<String, ChannelActivity> channels = new ConcurrentHashMap<>();

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        kafka(message).ifPresent(m -> activity(m.getChannel()).inFlight.incrementAndGet());
        return message;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        handled(message, false);
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        // the failure strategy (dead letter) has run by now: the record is handled and its offset can be committed
        handled(message, true);
    }

    /** The activity of a channel (an empty one for a channel that received nothing yet). */
    public ChannelActivity activity(String channel) {
        return channels.computeIfAbsent(channel, c -> new ChannelActivity());
    }

    private void handled(Message<?> message, boolean failed) {
        kafka(message).ifPresent(m -> {
            ChannelActivity activity = activity(m.getChannel());
            activity.inFlight.decrementAndGet();
            activity.handled.incrementAndGet();
            if (failed) {
                activity.failed.incrementAndGet();
            }
            activity.nextOffsets.merge(new TopicPartition(m.getTopic(), m.getPartition()), m.getOffset() + 1, Math::max);
        });
    }

    @SuppressWarnings("rawtypes")
    private static java.util.Optional<IncomingKafkaRecordMetadata> kafka(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class);
    }
}
