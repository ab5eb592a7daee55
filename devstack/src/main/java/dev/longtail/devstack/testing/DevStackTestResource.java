package dev.longtail.devstack.testing;

import dev.longtail.devstack.DevStack;
import dev.longtail.devstack.DevStackOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quarkus test resource that points a service at the devstack: one stack per JVM, started on first use on
 * free ports and closed when the JVM exits, so that all test classes of a module share it.
 * <p>
 * Usage: {@code @WithTestResource(value = DevStackTestResource.class,
 * initArgs = @ResourceArg(name = "schema", value = "curator"))}.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the service's schema, which becomes the datasource's current schema. */
    public static final String SCHEMA = "schema";

    // Quarkus may load this class in more than one class loader (one per application it starts), so
    // the running stack is announced through system properties, which every class loader sees.
    private static final String KAFKA_PROPERTY = "longtail.devstack.kafka.bootstrap.servers";
    private static final String POSTGRES_PORT_PROPERTY = "longtail.devstack.postgres.port";
    private static final Object LOCK = "dev.longtail.devstack.testing.DevStackTestResource.lock".intern();

    /** The broker's own categories: at INFO they bury the service's test output under thousands of lines. */
    private static final List<String> BROKER_LOG_CATEGORIES = List.of(
            "kafka", "state.change.logger", "org.apache.kafka.controller", "org.apache.kafka.coordinator",
            "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
            "org.apache.kafka.server", "org.apache.kafka.snapshot", "org.apache.kafka.queue",
            "org.apache.kafka.common.config.AbstractConfig", "io.zonky.test");
    /** Loggers only keep a level while somebody holds them. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.get(SCHEMA);
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException(
                    "DevStackTestResource needs the init arg `schema`, e.g. @ResourceArg(name = \"schema\", value = \"curator\")");
        }
    }

    @Override
    public Map<String, String> start() {
        String kafka;
        String postgresPort;
        // An interned string is one object per JVM, whichever class loader asks: one stack, even under races.
        synchronized (LOCK) {
            if (System.getProperty(KAFKA_PROPERTY) == null) {
                quietBrokerLogging();
                DevStack stack = DevStack.start(DevStackOptions.ephemeral());
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "longtail-devstack-shutdown"));
                System.setProperty(POSTGRES_PORT_PROPERTY, String.valueOf(stack.postgresPort()));
                System.setProperty(KAFKA_PROPERTY, stack.kafkaBootstrapServers());
            }
            kafka = System.getProperty(KAFKA_PROPERTY);
            postgresPort = System.getProperty(POSTGRES_PORT_PROPERTY);
        }
        return Map.of(
                "kafka.bootstrap.servers", kafka,
                "quarkus.datasource.jdbc.url",
                DevStack.jdbcUrl(Integer.parseInt(postgresPort), schema),
                "quarkus.datasource.username", DevStack.USERNAME,
                "quarkus.datasource.password", DevStack.PASSWORD);
    }

    /** The bootstrap servers of the broker this JVM's devstack runs; fails when no test resource started one. */
    public static String kafkaBootstrapServers() {
        String kafka = System.getProperty(KAFKA_PROPERTY);
        if (kafka == null) {
            throw new IllegalStateException("no devstack runs in this JVM: annotate the test class with "
                    + "@WithTestResource(DevStackTestResource.class, initArgs = @ResourceArg(name = \"schema\", ...))");
        }
        return kafka;
    }

    private static void quietBrokerLogging() {
        for (String category : BROKER_LOG_CATEGORIES) {
            Logger logger = logger(category);
            logger.setLevel(category.equals("org.apache.kafka.controller") ? Level.SEVERE : Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /**
     * Quarkus logs through jboss-logmanager, whether or not {@code java.util.logging.manager} names it, so its
     * log context is asked first; without it (a plain JUnit run) the JDK's loggers are the ones slf4j would use.
     */
    private static Logger logger(String category) {
        try {
            Class<?> logContext = Class.forName("org.jboss.logmanager.LogContext");
            Object context = logContext.getMethod("getLogContext").invoke(null);
            return (Logger) logContext.getMethod("getLogger", String.class).invoke(context, category);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException noJbossLogManager) {
            return Logger.getLogger(category);
        }
    }

    /** The stack outlives each test class on purpose; the JVM shutdown hook closes it. */
    @Override
    public void stop() {
    }
}
