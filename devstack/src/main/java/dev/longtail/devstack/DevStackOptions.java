package dev.longtail.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the devstack listens and keeps its data.
 *
 * @param kafkaPort     port of the Kafka broker's client listener on 127.0.0.1
 * @param postgresPort  port of PostgreSQL on 127.0.0.1
 * @param workDirectory folder that holds the broker's log and the database cluster; deleted on close
 */
public record DevStackOptions(int kafkaPort, int postgresPort, Path workDirectory) {

    /** The fixed local ports of the one-command run (see docs/HELPERS.md). */
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 5433;

    public DevStackOptions {
        requirePort(kafkaPort, "kafkaPort");
        requirePort(postgresPort, "postgresPort");
        if (kafkaPort == postgresPort) {
            throw new IllegalArgumentException("Kafka and PostgreSQL need different ports, both are " + kafkaPort);
        }
        workDirectory = Objects.requireNonNull(workDirectory, "workDirectory").toAbsolutePath().normalize();
    }

    /** Kafka on 9092 and PostgreSQL on 5433, data under {@code .longtail/devstack} of the working directory. */
    public static DevStackOptions defaults() {
        return new DevStackOptions(DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT, Path.of(".longtail", "devstack"));
    }

    /** Ports the OS reports free right now and a fresh temporary folder: for tests that must not collide. */
    public static DevStackOptions ephemeral() {
        try {
            return new DevStackOptions(freePort(), freePort(), Files.createTempDirectory(OrphanReaper.TEMP_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the devstack", e);
        }
    }

    public DevStackOptions withKafkaPort(int port) {
        return new DevStackOptions(port, postgresPort, workDirectory);
    }

    public DevStackOptions withPostgresPort(int port) {
        return new DevStackOptions(kafkaPort, port, workDirectory);
    }

    /** The same options with another work directory. */
    public DevStackOptions withWorkDirectory(Path directory) {
        return new DevStackOptions(kafkaPort, postgresPort, directory);
    }

    /**
     * A port that nobody listens on at the moment of the call. Another process may take it before
     * we bind it; for a local stack that race is acceptable and fails loudly if it happens.
     */
    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }
}
