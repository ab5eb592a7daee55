package dev.longtail.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.longtail.support.auth.Roles;
import dev.longtail.support.auth.TokenKeys;
import dev.longtail.support.auth.TokenMinter;

/**
 * The launcher's command line: {@code demo} runs the demo experiment (control, common practice and Longtail's arm
 * over several random seeds) through the whole loop and prints the comparison, {@code up} starts the stack and keeps
 * it running for manual use.
 */
public final class LongtailCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> DEMO_OPTIONS = Stream.concat(
            Stream.of("generations", "samples", "seed", "seeds", "arms", "timeout"), CliArguments.STACK_OPTIONS.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static final String USAGE_TEXT = """
            usage: longtail <command> [options]

              demo [--generations 5] [--samples 120] [--seed 42] [--seeds 3]
                   [--arms control,common-practice,longtail] [--timeout 30m]
                   run the demo experiment on the local stack: every arm over random seeds 42, 43, 44 (--seeds
                   from --seed on); print a table per arm and the comparison, keep the reports, stop everything
              up   start the local stack and keep it running (ports below), until stopped; prints a client and an
                   admin token of this run (.longtail/run/tokens.env)
              token --key FILE --role client|admin|dataset-reader [--subject NAME] [--lifetime 90d] [--issuer longtail]
                   [--kid ID]  print a bearer token signed with a PKCS#8 PEM private key (a cluster's longtail-jwt privateKey)
              help print this text

            port options (demo, up): --generator-port 8081 --evolver-port 8082 --curator-port 8083
                                     --evaluator-port 8084 --kafka-port 9092 --postgres-port 5433
            --replicas 1 (demo, up): instances per service, 1 to 3 (the topics' partitions); the first of
                                     each on the ports above, the others on free ports
            """;

    private static final Set<String> TOKEN_OPTIONS = Set.of("key", "role", "subject", "lifetime", "issuer", "kid");
    private static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.CLIENT, Roles.DATASET_READER);

    private final PrintStream out;
    private final boolean unicode;

    LongtailCli(PrintStream out, boolean unicode) {
        this.out = out;
        this.unicode = unicode;
    }

    public static void main(String[] args) {
        boolean unicode = stdoutIsUtf8();
        var out = unicode ? new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8)
                : System.out;
        int code = new LongtailCli(out, unicode).run(Arrays.asList(args));
        out.flush();
        System.exit(code);
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            System.err.print(USAGE_TEXT);
            return USAGE;
        }
        List<String> options = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "demo" -> demo(CliArguments.parse(options, DEMO_OPTIONS));
                case "up" -> up(CliArguments.parse(options, CliArguments.STACK_OPTIONS));
                case "token" -> token(CliArguments.parse(options, TOKEN_OPTIONS));
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> {
                    System.err.println("Unknown command: " + args.get(0));
                    System.err.print(USAGE_TEXT);
                    yield USAGE;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE_TEXT);
            return USAGE;
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("longtail " + args.get(0) + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int demo(CliArguments args) {
        DemoExperiment experiment = DemoExperiment.from(args);
        Duration timeout = args.duration("timeout", DemoCommand.DEFAULT_TIMEOUT);
        return new DemoCommand(out, unicode).run(experiment, timeout, args.stackOptions());
    }

    /** Mints one token with an operator's signing key (docs/security.md "Minting tokens"). */
    private int token(CliArguments args) {
        String key = args.text("key", null);
        String role = args.text("role", null);
        if (key == null || role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("token needs --key FILE and --role, one of " + ROLES);
        }
        var minter = new TokenMinter(TokenKeys.readPrivateKey(Path.of(key)), args.text("issuer", Roles.ISSUER),
                args.text("kid", null));
        out.println(minter.mint(args.text("subject", role), Set.of(role), args.duration("lifetime", Duration.ofDays(90))));
        return OK;
    }

    private int up(CliArguments args) {
        StackOptions options = args.stackOptions();
        long startedAt = System.nanoTime();
        out.println("Starting Kafka, PostgreSQL and the four services...");
        LongtailStack stack = LongtailStack.start(options);
        Path stateFile = stateFile(stack.root());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // `./longtail down` removes it too.
            }
            stopped.countDown();
        }, "longtail-up-shutdown"));
        writeState(stateFile, stack);

        Path tokens = stack.root().resolve(".longtail").resolve("run").resolve("tokens.env");
        stack.writeTokens(tokens);
        out.printf("Longtail is up (%.1f s).%n", seconds(startedAt));
        out.print(describe(stack));
        out.print(tokens(stack, tokens));
        out.println("Stop it with `./longtail down` (or Ctrl-C).");
        watch(stack, stopped);
        return OK;
    }

    /** Where everything is, for {@code up}; the script prints the same from the launcher's log. */
    static String describe(LongtailStack stack) {
        var text = new StringBuilder();
        stack.instanceUrls().forEach((instance, url) -> text.append(String.format(
                "  %-10s %s   (OpenAPI %s/q/openapi, health %s/q/health)%n", instance, url,
                stack.instanceManagementUrl(instance), stack.instanceManagementUrl(instance))));
        text.append(String.format("  %-10s %s%n", "kafka", stack.kafkaBootstrapServers()));
        text.append(String.format("  %-10s %s (user longtail, password longtail, one schema per service)%n",
                "postgres", stack.jdbcUrl()));
        text.append(String.format("  %-10s %s%n", "logs", stack.logDirectory()));
        return text.toString();
    }

    /** The run's tokens and how to use them (docs/security.md), for {@code up}. */
    static String tokens(LongtailStack stack, Path envFile) {
        return String.format("Tokens of this run (new keys in .longtail/keys; valid until %s or until the stack stops):%n"
                        + "  export LONGTAIL_TOKEN=%s%n"
                        + "  export LONGTAIL_ADMIN_TOKEN=%s%n"
                        + "  (or: source %s)%n"
                        + "  curl -H \"Authorization: Bearer $LONGTAIL_TOKEN\" %s/api/v1/seed-sets%n"
                        + "  curl -H \"Authorization: Bearer $LONGTAIL_ADMIN_TOKEN\" %s/admin/curation/thresholds%n",
                stack.tokensExpireAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), stack.clientToken(),
                stack.adminToken(), envFile, stack.url("evolver"), stack.url("curator"));
    }

    /** Blocks until the JVM is told to stop; warns once about every service that dies meanwhile. */
    private void watch(LongtailStack stack, CountDownLatch stopped) {
        var reported = new java.util.HashSet<String>();
        try {
            while (!stopped.await(2, TimeUnit.SECONDS)) {
                for (String service : stack.exitedServices()) {
                    if (reported.add(service)) {
                        System.err.println("The " + service + " service has exited; last lines of its log:");
                        System.err.println(stack.logTail(service));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path stateFile(Path root) {
        return root.resolve(".longtail").resolve("run").resolve("stack.json");
    }

    private static void writeState(Path file, LongtailStack stack) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pid", ProcessHandle.current().pid());
        state.put("services", stack.urls());
        state.put("instances", stack.instanceUrls());
        state.put("kafka", stack.kafkaBootstrapServers());
        state.put("postgres", stack.jdbcUrl());
        state.put("logs", stack.logDirectory().toString());
        try {
            Files.createDirectories(file.getParent());
            // Written to a side file first: the script waits for stack.json and must never read half of it.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), state);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static boolean stdoutIsUtf8() {
        String encoding = System.getProperty("stdout.encoding",
                System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));
        return encoding.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8");
    }
}
