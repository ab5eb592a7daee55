package dev.longtail.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for the services' tests against the devstack broker: produce real records, read
 * topics, and check that a consumer group has caught up. Tests take the shared one with {@link #devStack()}.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final int LARGE_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static KafkaTestClient shared;

    private final String bootstrap;
    private KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * The client of the devstack that {@link DevStackTestResource} started in this JVM, shared by every test
     * (its producer opens on first send and closes when the JVM exits): a test class only declares
     * {@code private final KafkaTestClient kafka = KafkaTestClient.devStack();}.
     */
    public static synchronized KafkaTestClient devStack() {
        if (shared == null) {
            String bootstrap = DevStackTestResource.kafkaBootstrapServers();
            KafkaTestClient client = new KafkaTestClient(bootstrap);
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "kafka-test-client-close"));
            shared = client;
        }
        return shared;
    }

    /** Produces one record and waits for the broker's acknowledgement. */
    public synchronized void send(String topic, String key, String value) {
        if (producer == null) {
            var properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LARGE_MESSAGE_BYTES);
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** Every record on the topic now, from the beginning. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The values of the records on the topic with this key. */
    public List<String> valuesWithKey(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
    }

    /** A consumer of one topic from its beginning that accumulates what it reads; poll it inside Awaitility. */
    public TopicReader reader(String topic) {
        var consumer = consumer();
        consumer.subscribe(List.of(topic));
        return new TopicReader(consumer);
    }

    /** A header of a record as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Whether the consumer group has committed offsets at the end of every partition of the topics. */
    public boolean caughtUp(String group, Collection<String> topics) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get();
            return ends.entrySet().stream().allMatch(e -> {
                long end = e.getValue().offset();
                OffsetAndMetadata at = committed.get(e.getKey());
                return end == 0 || (at != null && at.offset() >= end);
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, LARGE_MESSAGE_BYTES);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    /** Accumulates what a subscribed topic holds, across polls. */
    public static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        TopicReader(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        /** Everything read so far, after one more poll. */
        public List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        /** Everything read so far with this key, after one more poll. */
        public List<ConsumerRecord<String, String>> withKey(String key) {
            return poll().stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
