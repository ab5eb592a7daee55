package dev.longtail.launcher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of one subcommand, checked against the names it knows. */
final class CliArguments {

    /** Stack options shared by {@code demo} and {@code up}: the ports, and instances per service. */
    static final Set<String> STACK_OPTIONS = Set.of(
            "generator-port", "evolver-port", "curator-port", "evaluator-port", "kafka-port", "postgres-port",
            "replicas");

    private final Map<String, String> values;

    private CliArguments(Map<String, String> values) {
        this.values = values;
    }

    static CliArguments parse(List<String> args, Set<String> known) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.put(name, value);
        }
        return new CliArguments(values);
    }

    int positiveInt(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, was " + value);
        }
    }

    long longValue(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, was " + value);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A duration given as {@code 90s}, {@code 10m}, {@code 1h} or plain minutes ({@code 10}). */
    Duration duration(String name, Duration fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        var matcher = java.util.regex.Pattern.compile("(\\d{1,6})([smhd]?)").matcher(value.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException("--" + name + " needs a duration such as 90s, 10m, 1h or 30d, was " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /**
     * The default ports with any {@code --<service>-port}, {@code --kafka-port}, {@code --postgres-port} applied, and
     * {@code --replicas} instances per service (default 1).
     */
    StackOptions stackOptions() {
        StackOptions options = StackOptions.defaults();
        for (String service : StackOptions.SERVICES) {
            if (values.containsKey(service + "-port")) {
                options = options.withServicePort(service, port(service + "-port"));
            }
        }
        if (values.containsKey("kafka-port")) {
            options = options.withKafkaPort(port("kafka-port"));
        }
        if (values.containsKey("postgres-port")) {
            options = options.withPostgresPort(port("postgres-port"));
        }
        int replicas = positiveInt("replicas", 1);
        if (replicas > StackOptions.MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas must be 1 to " + StackOptions.MAX_REPLICAS
                    + " (the topics' partitions), was " + replicas);
        }
        return options.withReplicas(replicas);
    }

    private int port(String name) {
        int port = positiveInt(name, 0);
        if (port > 65535) {
            throw new IllegalArgumentException("--" + name + " must be a port (1-65535), was " + port);
        }
        return port;
    }
}
