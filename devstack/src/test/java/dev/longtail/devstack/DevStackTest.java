package dev.longtail.devstack;

import dev.longtail.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The devstack against a real broker and database: topics, schemas, and a clean close. */
class DevStackTest {

    @Test
    void shouldStartKafkaAndPostgresAndCreateTopicsAndSchemas() throws Exception {
        try (DevStack stack = DevStack.start(DevStackOptions.ephemeral())) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                var descriptions = admin.describeTopics(Topics.all()).allTopicNames().get();
                assertEquals(new TreeSet<>(Topics.all()), new TreeSet<>(descriptions.keySet()));
                descriptions.values().forEach(topic -> assertEquals(DevStack.PARTITIONS, topic.partitions().size(), topic.name()));
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DATASETS_SEALED);
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertEquals("16777216", config.get("max.message.bytes").value());
            }

            String key = "campaign-1";
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                producer.send(new ProducerRecord<>(Topics.CAMPAIGNS_STARTED, key, "{\"hello\":1}")).get();
            }
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
                consumer.subscribe(List.of(Topics.CAMPAIGNS_STARTED));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
            }
            assertEquals(1, received.size());
            assertEquals(key, received.get(0).key());
            assertEquals("{\"hello\":1}", received.get(0).value());

            try (var connection = DriverManager.getConnection(stack.jdbcUrl("curator"), stack.username(), stack.password());
                 var statement = connection.createStatement()) {
                var rows = statement.executeQuery(
                        "SELECT schema_name, schema_owner FROM information_schema.schemata WHERE schema_name IN "
                                + "('evolver', 'generator', 'curator', 'evaluator')");
                Set<String> schemas = new TreeSet<>();
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                    assertEquals("longtail", rows.getString(2));
                }
                assertEquals(new TreeSet<>(DevStack.SCHEMAS), schemas);

                var version = statement.executeQuery("SHOW server_version");
                version.next();
                assertTrue(version.getString(1).startsWith("17."), version.getString(1));

                // The current schema is the service's own: its tables land there without qualification.
                statement.execute("CREATE TABLE decision (id text PRIMARY KEY)");
                var location = statement.executeQuery(
                        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'decision'");
                location.next();
                assertEquals("curator", location.getString(1));
            }
        }
    }

    @Test
    void shouldLeaveNoPortOrFolderBehindAfterClose() throws Exception {
        DevStack stack = DevStack.start(DevStackOptions.ephemeral());
        var workDirectory = stack.workDirectory();
        assertTrue(Files.isDirectory(workDirectory));
        assertTrue(accepts(stack.kafkaPort()));
        assertTrue(accepts(stack.postgresPort()));

        stack.close();
        stack.close();

        assertFalse(accepts(stack.kafkaPort()), "Kafka still listens");
        assertFalse(accepts(stack.postgresPort()), "PostgreSQL still listens");
        assertFalse(Files.exists(workDirectory), "the work directory is still there");
    }

    @Test
    void shouldRefuseToWipeAFolderItDidNotMake() throws Exception {
        var foreign = Files.createTempDirectory("not-a-devstack-");
        var precious = Files.writeString(foreign.resolve("precious.txt"), "keep me");
        try {
            var options = DevStackOptions.ephemeral();
            Files.delete(options.workDirectory());
            var error = assertThrows(IllegalStateException.class,
                    () -> DevStack.start(options.withWorkDirectory(foreign)));
            assertTrue(error.getMessage().contains("not empty"), error.getMessage());
            assertEquals("keep me", Files.readString(precious));
        } finally {
            Files.deleteIfExists(precious);
            Files.deleteIfExists(foreign);
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
