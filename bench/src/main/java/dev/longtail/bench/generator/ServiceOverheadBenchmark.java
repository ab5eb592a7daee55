package dev.longtail.bench.generator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.longtail.devstack.DevStack;
import dev.longtail.devstack.DevStackOptions;
import dev.longtail.support.auth.Roles;
import dev.longtail.support.auth.TokenKeys;
import dev.longtail.support.auth.TokenMinter;

/**
 * The generator service's own overhead around an OpenAI-compatible backend: the same number of requests at the
 * same concurrency, once straight to a local non-blocking stub ({@link OpenAiStub}) and once through
 * {@code POST /api/v1/generate} of a real generator process configured with that stub as a backend, both sent by
 * the same non-blocking closed-loop client ({@link ClosedLoopClient}). The difference of the latency quantiles is
 * what the service adds. Stub and service are measured alternately for several rounds; the median round is
 * reported, with every round and the load average. Writes {@code generator-overhead.json}.
 */
public final class ServiceOverheadBenchmark {

    /**
     * Requests per path before measuring. On 2 busy cores the service's throughput keeps rising for about the
     * first 100,000 requests (JIT compilation competes with the load for the cores); measured rounds after a
     * shorter warm-up were up to 3x slower and still improving, so the warm-up covers that.
     */
    private static final int WARM_UP = 120_000;
    private static final String DIRECT_BODY = """
            {"model":"stub","messages":[{"role":"system","content":"You are a careful, knowledgeable assistant. \
            Answer the instruction directly, completely and accurately. Do not restate the instruction and do not \
            add a preamble."},\
            {"role":"user","content":"Why are there tides?"}],"temperature":1.0,"top_p":1.0,"max_tokens":16,\
            "seed":1,"n":1}""";
    private static final String SERVICE_BODY = """
            {"backend":"stub","instructions":["Why are there tides?"],\
            "sampling":{"temperature":1.0,"topP":1.0,"maxTokens":16,"randomSeed":1}}""";

    private ServiceOverheadBenchmark() {
    }

    /** One round: the stub alone, then the service, at the same concurrency and request count. */
    record Round(ClosedLoopClient.Run stub, ClosedLoopClient.Run service, double load) {
        double overheadP50() {
            return round(service.quantile(0.5) - stub.quantile(0.5));
        }

        Map<String, Object> fields() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stub_p50_ms", round(stub.quantile(0.5)));
            row.put("stub_p99_ms", round(stub.quantile(0.99)));
            row.put("stub_requests_per_s", Math.round(stub.requestsPerSecond()));
            row.put("service_p50_ms", round(service.quantile(0.5)));
            row.put("service_p99_ms", round(service.quantile(0.99)));
            row.put("service_requests_per_s", Math.round(service.requestsPerSecond()));
            row.put("overhead_p50_ms", overheadP50());
            row.put("overhead_p99_ms", round(service.quantile(0.99) - stub.quantile(0.99)));
            row.put("load_average_1m", round(load));
            return row;
        }
    }

    /**
     * {@code --out DIR [--stub-latency-ms N] [--concurrency 64] [--requests 10000] [--rounds 5]
     * [--generator-jvm-opt OPT]... [--generator-prop KEY=VALUE]...}; run from the project root after
     * {@code ./mvnw package -DskipTests}. A stub latency stands for a model's time to answer (0: at once).
     * The generator options go to the generator process (e.g. {@code -XX:StartFlightRecording=...} to profile it).
     */
    public static void main(String[] args) throws Exception {
        Path out = null;
        long stubLatencyMs = 0;
        int concurrency = 64;
        int requests = 10_000;
        int rounds = 5;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--stub-latency-ms" -> stubLatencyMs = Long.parseLong(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--generator-jvm-opt" -> jvmOptions.add(args[++i]);
                case "--generator-prop" -> jvmOptions.add("-D" + args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (concurrency < 1 || requests < concurrency || rounds < 1) {
            throw new IllegalArgumentException("need --concurrency >= 1, --requests >= concurrency, --rounds >= 1");
        }
        Path jar = Path.of(System.getProperty("longtail.home", "."), "generator-service", "target", "quarkus-app",
                "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        try (DevStack stack = DevStack.start(DevStackOptions.ephemeral());
                OpenAiStub stub = OpenAiStub.start(stubLatencyMs);
                ClosedLoopClient client = new ClosedLoopClient(concurrency)) {
            int port = DevStackOptions.freePort();
            int managementPort;
            do {
                managementPort = DevStackOptions.freePort();
            } while (managementPort == port);
            Path log = Files.createTempFile("generator-overhead", ".log");
            // the service checks bearer tokens as deployed: a key pair of this run, a client token signed with it
            Path keys = Files.createTempDirectory("generator-overhead-keys");
            KeyPair pair = TokenKeys.generate();
            TokenKeys.write(pair, keys);
            String token = TokenMinter.of(pair.getPrivate()).mint("generator-overhead", Set.of(Roles.CLIENT),
                    Duration.ofDays(1));
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
            command.addAll(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dmp.jwt.verify.publickey.location=" + keys.resolve(TokenKeys.PUBLIC_KEY_FILE),
                    "-Dmp.jwt.verify.issuer=" + Roles.ISSUER,
                    "-Dkafka.bootstrap.servers=" + stack.kafkaBootstrapServers(),
                    "-Dquarkus.datasource.jdbc.url=" + stack.jdbcUrl("generator"),
                    "-Dquarkus.datasource.username=" + stack.username(),
                    "-Dquarkus.datasource.password=" + stack.password(),
                    "-Dquarkus.log.level=WARN",
                    "-Dlongtail.generator.backends.stub.base-url=http://127.0.0.1:" + stub.port() + "/v1",
                    "-Dlongtail.generator.backends.stub.model=" + OpenAiStub.MODEL,
                    "-Dlongtail.generator.backends.stub.max-concurrency=" + concurrency));
            command.addAll(jvmOptions); // last, so that they win over the defaults above
            command.addAll(List.of("-jar", jar.toString()));
            Process generator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitReady(managementPort, generator, log);
                measure(client, stub, port, token, stubLatencyMs, requests, rounds, jvmOptions, out, log);
            } finally {
                // before the broker and the database go away, so that its shutdown is clean
                generator.destroy();
                generator.waitFor();
            }
        }
    }

    private static void measure(ClosedLoopClient client, OpenAiStub stub, int port, String token, long stubLatencyMs,
            int requests, int rounds, List<String> jvmOptions, Path out, Path log) throws Exception {
        client.run(stub.port(), "/v1/chat/completions", DIRECT_BODY, WARM_UP);
        client.run(port, "/api/v1/generate", SERVICE_BODY, WARM_UP, token);
        double loadBefore = loadAverage();
        List<Round> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            var stubOnly = client.run(stub.port(), "/v1/chat/completions", DIRECT_BODY, requests);
            var service = client.run(port, "/api/v1/generate", SERVICE_BODY, requests, token);
            measured.add(new Round(stubOnly, service, loadAverage()));
        }
        // the round with the median p50 overhead stands for the run; every round is kept
        Round median = measured.stream().sorted(Comparator.comparingDouble(Round::overheadP50)).toList().get(rounds / 2);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("concurrency", client.concurrency());
        result.put("requests", requests);
        result.put("rounds", rounds);
        result.put("warm_up_requests_per_path", WARM_UP);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("load_average_1m_before", round(loadBefore));
        result.put("load_average_1m_after", round(loadAverage()));
        result.put("stub", "Vert.x HttpServer, 1 event loop");
        result.put("client", "Vert.x HttpClient, 1 event loop, closed loop, keep-alive");
        result.put("stub_latency_ms", stubLatencyMs);
        result.putAll(median.fields());
        result.put("generator_jvm_options", jvmOptions);
        result.put("per_round", measured.stream().map(Round::fields).toList());
        Files.createDirectories(out);
        Path file = out.resolve("generator-overhead.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        result.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-24s %s%n", k, v));
        System.out.println("wrote " + file + " (generator log: " + log + ")");
    }

    /** Waits for the generator's readiness on its management port (where a packaged service serves /q/*). */
    private static void awaitReady(int port, Process generator, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!generator.isAlive()) {
                throw new IllegalStateException("the generator exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the generator was not ready within 120 s; see " + log);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
