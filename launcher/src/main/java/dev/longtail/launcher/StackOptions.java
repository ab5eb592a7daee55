package dev.longtail.launcher;

import dev.longtail.devstack.DevStack;
import dev.longtail.devstack.DevStackOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one local stack: the four services' HTTP ports, the devstack's Kafka and PostgreSQL ports, and how
 * many instances of each service run (replicas share their service's Kafka consumer group and schema). Each
 * instance serves {@code /q/*} (health, metrics, OpenAPI) on its management port, {@link #MANAGEMENT_OFFSET} above
 * its HTTP port (a packaged service runs the {@code %prod} profile, whose management interface is fixed at build).
 *
 * @param servicePorts  HTTP port per service name (generator, evolver, curator, evaluator): its first instance's
 * @param temporaryData whether the devstack keeps its data in a fresh temporary folder instead of
 *                      {@code .longtail/devstack} of the project
 * @param replicas      instances per service, 1 to {@link #MAX_REPLICAS}; instances after the first listen on free
 *                      ports chosen at start
 */
public record StackOptions(Map<String, Integer> servicePorts, int kafkaPort, int postgresPort, boolean temporaryData,
                           int replicas) {

    /** The services in the order they start; every one of them must be ready before a campaign runs. */
    public static final List<String> SERVICES = List.of("generator", "evolver", "curator", "evaluator");
    /** Management port = HTTP port + this: 9081 to 9084 by default. */
    public static final int MANAGEMENT_OFFSET = 1000;

    /** The loop topics' partitions on the devstack: replicas beyond them would own no partition. */
    public static final int MAX_REPLICAS = DevStack.PARTITIONS;

    public StackOptions {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("Replicas per service must be 1 to " + MAX_REPLICAS
                    + " (the topics' partitions), was " + replicas);
        }
        for (String service : SERVICES) {
            Integer port = servicePorts.get(service);
            if (port == null || port < 1 || port > 65535 - MANAGEMENT_OFFSET) {
                throw new IllegalArgumentException("No valid HTTP port for the " + service + " service: " + port
                        + " (1 to " + (65535 - MANAGEMENT_OFFSET) + ": its management port is " + MANAGEMENT_OFFSET
                        + " above)");
            }
        }
        if (!SERVICES.containsAll(servicePorts.keySet())) {
            throw new IllegalArgumentException("Unknown services in " + servicePorts.keySet() + ", known: " + SERVICES);
        }
        var all = new java.util.ArrayList<Integer>(servicePorts.values());
        servicePorts.values().forEach(port -> all.add(port + MANAGEMENT_OFFSET));
        all.add(kafkaPort);
        all.add(postgresPort);
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("Every service (and its management port, " + MANAGEMENT_OFFSET
                    + " above), Kafka and PostgreSQL need a port of their own: " + servicePorts + ", kafka "
                    + kafkaPort + ", postgres " + postgresPort);
        }
        servicePorts = Map.copyOf(servicePorts);
    }

    /** One instance per service. */
    public StackOptions(Map<String, Integer> servicePorts, int kafkaPort, int postgresPort, boolean temporaryData) {
        this(servicePorts, kafkaPort, postgresPort, temporaryData, 1);
    }

    /** Generator 8081, evolver 8082, curator 8083, evaluator 8084, Kafka 9092, PostgreSQL 5433. */
    public static StackOptions defaults() {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("generator", 8081);
        ports.put("evolver", 8082);
        ports.put("curator", 8083);
        ports.put("evaluator", 8084);
        return new StackOptions(ports, DevStackOptions.DEFAULT_KAFKA_PORT, DevStackOptions.DEFAULT_POSTGRES_PORT, false);
    }

    /** Free ports everywhere and a temporary devstack folder: for tests next to a running stack. */
    public static StackOptions ephemeral() {
        var ports = new LinkedHashMap<String, Integer>();
        var taken = new java.util.HashSet<Integer>();
        for (String service : SERVICES) {
            int port;
            do {
                port = DevStackOptions.freePort();
            } while (port > 65535 - MANAGEMENT_OFFSET || taken.contains(port) || taken.contains(port + MANAGEMENT_OFFSET)
                    || !isFree(port + MANAGEMENT_OFFSET));
            ports.put(service, port);
            taken.add(port);
            taken.add(port + MANAGEMENT_OFFSET);
        }
        int kafka;
        int postgres;
        do {
            kafka = DevStackOptions.freePort();
            postgres = DevStackOptions.freePort();
        } while (kafka == postgres || taken.contains(kafka) || taken.contains(postgres));
        return new StackOptions(ports, kafka, postgres, true);
    }

    public int port(String service) {
        Integer port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("Unknown service " + service + ", known: " + SERVICES);
        }
        return port;
    }

    /** Where the service answers {@code /q/health}, {@code /q/metrics} and {@code /q/openapi}. */
    public int managementPort(String service) {
        return port(service) + MANAGEMENT_OFFSET;
    }

    /** Whether nothing listens on the loopback port now. */
    static boolean isFree(int port) {
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException inUse) {
            return false;
        }
    }

    public StackOptions withServicePort(String service, int port) {
        port(service);
        var ports = new LinkedHashMap<>(servicePorts);
        ports.put(service, port);
        return new StackOptions(ports, kafkaPort, postgresPort, temporaryData, replicas);
    }

    public StackOptions withKafkaPort(int port) {
        return new StackOptions(servicePorts, port, postgresPort, temporaryData, replicas);
    }

    public StackOptions withPostgresPort(int port) {
        return new StackOptions(servicePorts, kafkaPort, port, temporaryData, replicas);
    }

    public StackOptions withReplicas(int count) {
        return new StackOptions(servicePorts, kafkaPort, postgresPort, temporaryData, count);
    }
}
