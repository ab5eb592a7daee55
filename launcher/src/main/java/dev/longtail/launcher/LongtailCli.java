package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The launcher's command line: {@code demo} runs one campaign through the whole loop and prints its report,
 * {@code up} starts the stack and keeps it running for manual use.
 */
public final class LongtailCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final Duration CAMPAIGN_TIMEOUT = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> DEMO_OPTIONS = Stream.concat(
            Stream.of("generations", "samples", "seed"), CliArguments.PORT_OPTIONS.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    static final String USAGE_TEXT = """
            usage: longtail <command> [options]

              demo [--generations 5] [--samples 120] [--seed 42]
                   run one campaign through the loop on the local stack, print its report, stop everything
              up   start the local stack and keep it running (ports below), until stopped
              help print this text

            port options (demo, up): --generator-port 8081 --evolver-port 8082 --curator-port 8083
                                     --evaluator-port 8084 --kafka-port 9092 --postgres-port 5433
            """;

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
                case "up" -> up(CliArguments.parse(options, CliArguments.PORT_OPTIONS));
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

    /** The demo's campaign: what {@code demo} posts to the evolver. */
    record DemoCampaign(int generations, int samplesPerGeneration, long randomSeed) {

        static DemoCampaign from(CliArguments args) {
            return new DemoCampaign(args.positiveInt("generations", 5), args.positiveInt("samples", 120),
                    args.longValue("seed", 42));
        }
    }

    private int demo(CliArguments args) {
        DemoCampaign campaign = DemoCampaign.from(args);
        StackOptions options = args.stackOptions();
        long startedAt = System.nanoTime();
        out.println("Starting Kafka, PostgreSQL and the four services...");
        try (LongtailStack stack = LongtailStack.start(options)) {
            out.printf("Stack ready in %.1f s (service logs in %s)%n", seconds(startedAt), stack.logDirectory());
            var client = CampaignClient.of(stack);
            String id = client.createCampaign("demo", "demo", campaign.generations(),
                    campaign.samplesPerGeneration(), campaign.randomSeed());
            out.printf("Campaign %s: %d generations of %d samples, seed %d%n", id, campaign.generations(),
                    campaign.samplesPerGeneration(), campaign.randomSeed());
            var progress = new Progress(campaign.generations());
            JsonNode report = client.awaitReport(id, CAMPAIGN_TIMEOUT, progress::show);
            progress.show(report);

            out.println();
            out.print(ReportTable.render(report, unicode));
            out.println();
            Path file = writeReport(stack.root(), id, report);
            out.println("Report: " + file);
            out.printf("Done in %.1f s; stopping the stack.%n", seconds(startedAt));
        }
        return OK;
    }

    /** Prints one line per generation as the evaluator's report gains rows. */
    private final class Progress {
        private final int generations;
        private final long startedAt = System.nanoTime();
        private int shown;

        Progress(int generations) {
            this.generations = generations;
        }

        void show(JsonNode report) {
            for (JsonNode row : report.path("rows")) {
                int generation = row.path("generation").asInt();
                if (generation > shown) {
                    shown = generation;
                    out.printf("  generation %d/%d: %d samples, %d accepted, %d rejected, %d failed, verdict %s (%.1f s)%n",
                            generation, generations, row.path("generated").asInt(), row.path("accepted").asInt(),
                            row.path("rejected").asInt(), row.path("failed").asInt(),
                            row.path("verdict").asText("?").toLowerCase(java.util.Locale.ROOT), seconds(startedAt));
                }
            }
        }
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

        out.printf("Longtail is up (%.1f s).%n", seconds(startedAt));
        out.print(describe(stack));
        out.println("Stop it with `./longtail down` (or Ctrl-C).");
        watch(stack, stopped);
        return OK;
    }

    /** Where everything is, for {@code up}; the script prints the same from the launcher's log. */
    static String describe(LongtailStack stack) {
        var text = new StringBuilder();
        stack.urls().forEach((service, url) -> text.append(String.format(
                "  %-10s %s   (OpenAPI %s/q/openapi, health %s/q/health)%n", service, url, url, url)));
        text.append(String.format("  %-10s %s%n", "kafka", stack.kafkaBootstrapServers()));
        text.append(String.format("  %-10s %s (user longtail, password longtail, one schema per service)%n",
                "postgres", stack.jdbcUrl()));
        text.append(String.format("  %-10s %s%n", "logs", stack.logDirectory()));
        return text.toString();
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

    static Path writeReport(Path root, String campaignId, JsonNode report) {
        Path file = root.resolve(".longtail").resolve("reports").resolve(campaignId + ".json").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), report);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the report to " + file + ": " + e.getMessage(), e);
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
