package dev.longtail.support.admin;

import dev.longtail.support.ProblemException;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Pauses, resumes and drains the service's Kafka consumers (channels configured {@code pausable=true}, with the
 * {@code IGNORE} buffer strategy so that records already requested are still processed), and tells their state:
 * paused or not, records in flight, and per partition the position, committed offset and lag.
 */
@ApplicationScoped
public class ConsumerControl {

    /** One partition of a channel: where this instance reads, what its group committed, the end of the log. */
    public record PartitionState(String topic, int partition, Long position, Long committed, Long endOffset, Long lag) {
    }

    /** One channel: whether it can be and is paused, its records in flight and handled here, and its partitions. */
    public record ChannelState(String channel, boolean pausable, boolean paused, long inFlight, long handled,
            long failed, Long lag, List<PartitionState> partitions, String error) {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerControl.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final ChannelRegistry registry;
    private final KafkaClientService kafka;
    private final ConsumerTracker tracker;

    public ConsumerControl(ChannelRegistry registry, KafkaClientService kafka, ConsumerTracker tracker) {
        this.registry = registry;
        this.kafka = kafka;
        this.tracker = tracker;
    }

    /** The Kafka channels this service consumes. */
    public Set<String> channels() {
        return new TreeSet<>(kafka.getConsumerChannels());
    }

    /** The state of every channel, or of the one named (404 for a channel the service does not consume). */
    public List<ChannelState> states(String channel) {
        return selected(channel).stream().map(this::state).toList();
    }

    /** Stops handing records to the named channel (all when null); records already requested are still processed. */
    public List<ChannelState> pause(String channel) {
        for (String name : selected(channel)) {
            pausable(name).pause();
            LOG.infof("consumer %s paused", name);
        }
        return states(channel);
    }

    public List<ChannelState> resume(String channel) {
        for (String name : selected(channel)) {
            pausable(name).resume();
            LOG.infof("consumer %s resumed", name);
        }
        return states(channel);
    }

    /**
     * Pauses, then waits until no record is in flight and the group's committed offset has reached every record
     * handled here on the partitions this instance holds; 503 when that takes longer than {@code timeout}.
     */
    public List<ChannelState> drain(String channel, Duration timeout) {
        pause(channel);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : selected(channel)) {
            while (!drained(name)) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(503, "Service Unavailable", "consumer " + name + " not drained within "
                            + timeout + "; it stays paused: " + state(name), null);
                }
                sleep();
            }
            LOG.infof("consumer %s drained", name);
        }
        return states(channel);
    }

    /** Whether any channel is paused now (a drain or an operator's pause). */
    public boolean anyPaused() {
        return channels().stream().anyMatch(this::isPaused);
    }

    /** Whether the channel is paused now. */
    public boolean isPaused(String channel) {
        PausableChannel pausable = registry.getPausable(channel);
        return pausable != null && pausable.isPaused();
    }

    private boolean drained(String name) {
        if (tracker.activity(name).inFlight() > 0) {
            return false;
        }
        Map<TopicPartition, Long> handled = tracker.activity(name).nextOffsets();
        for (KafkaConsumer<Object, Object> consumer : kafka.getConsumers(name)) {
            Map<TopicPartition, Long> committed = consumer.runOnPollingThread(c -> {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                Set<TopicPartition> assigned = c.assignment();
                c.committed(assigned, KAFKA_TIMEOUT).forEach((tp, o) -> offsets.put(tp, o == null ? null : o.offset()));
                assigned.forEach(tp -> offsets.putIfAbsent(tp, null));
                return offsets;
            }).await().atMost(KAFKA_TIMEOUT.multipliedBy(2));
            for (var entry : committed.entrySet()) {
                Long next = handled.get(entry.getKey());
                if (next != null && (entry.getValue() == null || entry.getValue() < next)) {
                    return false;
                }
            }
        }
        return true;
    }

    private ChannelState state(String name) {
        PausableChannel pausable = registry.getPausable(name);
        ConsumerTracker.ChannelActivity activity = tracker.activity(name);
        List<PartitionState> partitions = new ArrayList<>();
        String error = null;
        try {
            for (KafkaConsumer<Object, Object> consumer : kafka.getConsumers(name)) {
                partitions.addAll(consumer.runOnPollingThread(c -> {
                    Set<TopicPartition> assigned = c.assignment();
                    Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned, KAFKA_TIMEOUT);
                    Map<TopicPartition, Long> ends = c.endOffsets(assigned, KAFKA_TIMEOUT);
                    List<PartitionState> states = new ArrayList<>();
                    for (TopicPartition tp : assigned.stream().sorted(Comparator.comparing(TopicPartition::topic)
                            .thenComparingInt(TopicPartition::partition)).toList()) {
                        long position = c.position(tp, KAFKA_TIMEOUT);
                        OffsetAndMetadata done = committed.get(tp);
                        Long end = ends.get(tp);
                        Long lag = end == null ? null : end - (done == null ? 0 : done.offset());
                        states.add(new PartitionState(tp.topic(), tp.partition(), position,
                                done == null ? null : done.offset(), end, lag));
                    }
                    return states;
                }).await().atMost(KAFKA_TIMEOUT.multipliedBy(3)));
            }
        } catch (RuntimeException e) {
            error = "offsets not available: " + e.getMessage();
        }
        Long lag = error != null ? null : partitions.stream().mapToLong(p -> p.lag() == null ? 0 : p.lag()).sum();
        return new ChannelState(name, pausable != null, pausable != null && pausable.isPaused(), activity.inFlight(),
                activity.handled(), activity.failed(), lag, partitions, error);
    }

    private List<String> selected(String channel) {
        Set<String> all = channels();
        if (channel == null || channel.isBlank()) {
            return List.copyOf(all);
        }
        if (!all.contains(channel)) {
            throw new ProblemException(404, "Not Found", "No consumer channel " + channel + "; known: " + all, null);
        }
        return List.of(channel);
    }

    private PausableChannel pausable(String name) {
        PausableChannel pausable = registry.getPausable(name);
        if (pausable == null) {
            throw ProblemException.conflict("consumer " + name + " is not pausable (set mp.messaging.incoming." + name
                    + ".pausable=true)");
        }
        return pausable;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
    }
}
