package dev.longtail.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the devstack on its own until SIGTERM or SIGINT:
 * {@code java -cp ... dev.longtail.devstack.DevStackMain [--kafka-port N] [--postgres-port N] [--work-dir DIR]}.
 */
public final class DevStackMain {

    public static void main(String[] args) throws InterruptedException {
        DevStackOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: DevStackMain [--kafka-port N] [--postgres-port N] [--work-dir DIR]");
            System.exit(2);
            return;
        }
        long startedAt = System.nanoTime();
        DevStack stack = DevStack.start(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the devstack...");
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));

        System.out.printf("Devstack up in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        System.out.println("  Kafka bootstrap servers: " + stack.kafkaBootstrapServers());
        for (String schema : DevStack.SCHEMAS) {
            System.out.printf("  PostgreSQL %-10s %s%n", schema + ":", stack.jdbcUrl(schema));
        }
        System.out.println("  PostgreSQL user/password: " + stack.username() + "/" + stack.password());
        System.out.println("  Work directory (deleted on exit): " + stack.workDirectory());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    static DevStackOptions parse(String[] args) {
        DevStackOptions defaults = DevStackOptions.defaults();
        int kafkaPort = defaults.kafkaPort();
        int postgresPort = defaults.postgresPort();
        Path workDirectory = defaults.workDirectory();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--kafka-port" -> kafkaPort = port(args[i], value);
                case "--postgres-port" -> postgresPort = port(args[i], value);
                case "--work-dir" -> workDirectory = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
            i++;
        }
        return new DevStackOptions(kafkaPort, postgresPort, workDirectory);
    }

    private static int port(String name, String value) {
        try {
            return Integer.parseInt(require(name, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number, got " + value);
        }
    }

    private static String require(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }

    private DevStackMain() {
    }
}
