package dev.longtail.devstack;

import dev.longtail.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack: one embedded Kafka broker (KRaft, combined broker and controller) with every topic of the
 * loop, and one embedded PostgreSQL 17 with the {@code longtail} database and one empty schema per service.
 */
public final class DevStack implements AutoCloseable {

    /** The services that own a schema; their Flyway migrations fill it. */
    public static final List<String> SCHEMAS = List.of("evolver", "generator", "curator", "evaluator");
    public static final String DATABASE = "longtail";
    public static final String USERNAME = "longtail";
    public static final String PASSWORD = "longtail";
    public static final int PARTITIONS = 3;
    /** Dataset versions and evolved seeds travel inline (docs/protocol.md, "Sizes"). */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private static final String HOST = "127.0.0.1";
    /** Marks a work directory as ours, so that we never wipe a folder somebody pointed us at by mistake. */

    private final DevStackOptions options;
    private KafkaRaftServer kafka;
    private EmbeddedPostgres postgres;
    private boolean closed;
    /** Set once the work directory carries our marker: only then may close delete it. */
    private boolean ownsWorkDirectory;

    private DevStack(DevStackOptions options) {
        this.options = options;
    }

    /** Starts Kafka, then PostgreSQL; if anything fails, what was started is stopped again. */
    public static DevStack start(DevStackOptions options) {
        var stack = new DevStack(options);
        try {
            stack.prepareWorkDirectory();
            stack.startKafka();
            stack.createTopics();
            stack.startPostgres();
            stack.createDatabase();
            return stack;
        } catch (RuntimeException | Error e) {
            closeQuietly(stack, e);
            throw e;
        } catch (Exception e) {
            closeQuietly(stack, e);
            throw new IllegalStateException("The devstack did not start: " + e.getMessage(), e);
        }
    }

    public String kafkaBootstrapServers() {
        return HOST + ":" + options.kafkaPort();
    }

    public int kafkaPort() {
        return options.kafkaPort();
    }

    public int postgresPort() {
        return options.postgresPort();
    }

    public Path workDirectory() {
        return options.workDirectory();
    }

    /** JDBC URL of the {@code longtail} database, without a current schema. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + options.postgresPort() + "/" + DATABASE;
    }

    /** JDBC URL of the {@code longtail} database with the given schema as the current one. */
    public String jdbcUrl(String schema) {
        return jdbcUrl(options.postgresPort(), schema);
    }

    /** JDBC URL of the {@code longtail} database of a devstack whose PostgreSQL listens on the given port. */
    public static String jdbcUrl(int postgresPort, String schema) {
        return "jdbc:postgresql://" + HOST + ":" + postgresPort + "/" + DATABASE + "?currentSchema=" + schema;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** Stops Kafka and PostgreSQL and deletes the work directory; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        if (kafka != null) {
            try {
                kafka.shutdown();
                kafka.awaitShutdown();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (ownsWorkDirectory) {
            try {
                deleteRecursively(options.workDirectory());
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            var failure = new IllegalStateException("The devstack did not close cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "DevStack[kafka=" + kafkaBootstrapServers() + ", postgres=" + jdbcUrl("<schema>")
                + ", workDirectory=" + options.workDirectory() + "]";
    }

    private void prepareWorkDirectory() throws IOException {
        // Servers left by devstacks whose JVM was killed would hold ports and folders forever.
        OrphanReaper.reapTemporaryOrphans();
        Path directory = options.workDirectory();
        if (Files.isDirectory(directory)) {
            boolean ours = OrphanReaper.isDevStackDirectory(directory);
            boolean empty;
            try (Stream<Path> entries = Files.list(directory)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !ours) {
                throw new IllegalStateException("Refusing to use " + directory
                        + " as the devstack's work directory: it is not empty and was not made by the devstack");
            }
            // Left behind by a run that was killed: its data is worthless without its broker and database.
            if (ours) {
                OrphanReaper.reap(directory);
            }
            deleteRecursively(directory);
        }
        Files.createDirectories(directory);
        OrphanReaper.claim(directory);
        ownsWorkDirectory = true;
    }

    private void startKafka() throws Exception {
        requireFree(options.kafkaPort(), "Kafka");
        int controllerPort = DevStackOptions.freePort();
        Path logDirectory = Files.createDirectories(options.workDirectory().resolve("kafka"));
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + options.kafkaPort()
                        + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + options.kafkaPort()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("num.partitions", String.valueOf(PARTITIONS)),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES)),
                Map.entry("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES)),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", String.valueOf(PARTITIONS)),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", String.valueOf(PARTITIONS)),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)),
                Map.entry("controlled.shutdown.enable", "false"));
        var properties = new Properties();
        properties.putAll(settings);
        var config = new KafkaConfig(properties, false);

        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirectory.toString())
                .setDirectories(Set.of(logDirectory.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(false)
                .run();

        kafka = new KafkaRaftServer(config, Time.SYSTEM);
        kafka.startup();
    }

    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            List<NewTopic> topics = Topics.all().stream()
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1)
                            .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES))))
                    .toList();
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Kafka did not create topic " + result.getKey() + " within 60 s", e);
                }
            }
        }
    }

    private void startPostgres() throws IOException {
        requireFree(options.postgresPort(), "PostgreSQL");
        postgres = EmbeddedPostgres.builder()
                .setPort(options.postgresPort())
                .setDataDirectory(options.workDirectory().resolve("postgres"))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", HOST)
                // TCP only: no socket file in /tmp or /var/run that could outlive us.
                .setServerConfig("unix_socket_directories", "")
                // A devstack's data dies with it; durability would only cost time.
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    private void createDatabase() throws SQLException {
        String admin = "jdbc:postgresql://" + HOST + ":" + options.postgresPort() + "/postgres";
        // Each statement on its own: CREATE DATABASE cannot run inside a transaction.
        try (var connection = DriverManager.getConnection(admin, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USERNAME + " WITH LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl("public"), USERNAME, PASSWORD);
             var statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + USERNAME);
            }
        }
    }

    private static void requireFree(int port, String what) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
        } catch (IOException nobodyListens) {
            return;
        }
        throw new IllegalStateException(what + " cannot listen on " + HOST + ":" + port
                + ": something already does (another devstack? `./longtail down` stops one started by the launcher)");
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    private static void closeQuietly(DevStack stack, Throwable cause) {
        try {
            stack.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
