package dev.longtail.bench.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;

import dev.longtail.devstack.DevStack;
import dev.longtail.devstack.DevStackOptions;

/**
 * The generator service's own overhead around an OpenAI-compatible backend: the same requests at 64 in
 * flight, once straight to a local stub server and once through {@code POST /api/v1/generate} of a real
 * generator process configured with that stub as a backend. The difference of the latency quantiles is
 * what the service adds. Writes {@code generator-overhead.json}.
 */
public final class ServiceOverheadBenchmark {

    private static final int CONCURRENCY = 64;
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 10_000;
    private static final String COMPLETION = """
            {"id":"stub","object":"chat.completion","created":0,"model":"stub","choices":[{"index":0,\
            "message":{"role":"assistant","content":"Tides follow the moon."},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""";

    private ServiceOverheadBenchmark() {
    }

    /**
     * {@code --out DIR [--stub-latency-ms N]}; run from the project root after {@code ./mvnw package -DskipTests}.
     * A stub latency stands for a model's time to answer (0: the stub answers at once).
     */
    public static void main(String[] args) throws Exception {
        Path out = null;
        long stubLatencyMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--stub-latency-ms" -> stubLatencyMs = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Path jar = Path.of(System.getProperty("longtail.home", "."), "generator-service", "target", "quarkus-app",
                "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package -DskipTests first");
        }
        HttpServer stub = stubServer(stubLatencyMs);
        int stubPort = stub.getAddress().getPort();
        Process generator = null;
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        try (DevStack stack = DevStack.start(DevStackOptions.ephemeral())) {
            int port = DevStackOptions.freePort();
            Path log = Files.createTempFile("generator-overhead", ".log");
            generator = new ProcessBuilder(javaBinary(), "-Xmx512m",
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + stack.kafkaBootstrapServers(),
                    "-Dquarkus.datasource.jdbc.url=" + stack.jdbcUrl("generator"),
                    "-Dquarkus.datasource.username=" + stack.username(),
                    "-Dquarkus.datasource.password=" + stack.password(),
                    "-Dquarkus.log.level=WARN",
                    "-Dlongtail.generator.backends.stub.base-url=http://127.0.0.1:" + stubPort + "/v1",
                    "-Dlongtail.generator.backends.stub.model=stub",
                    "-Dlongtail.generator.backends.stub.max-concurrency=" + CONCURRENCY,
                    "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, port, generator, log);

            HttpRequest direct = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stubPort + "/v1/chat/completions"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"model":"stub","messages":[{"role":"user","content":"Why are there tides?"}],\
                            "temperature":1.0,"top_p":1.0,"max_tokens":16,"seed":1}""")).build();
            HttpRequest viaService = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/generate"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"backend":"stub","instructions":["Why are there tides?"],\
                            "sampling":{"temperature":1.0,"topP":1.0,"maxTokens":16,"randomSeed":1}}""")).build();

            run(http, clients, direct, WARM_UP);
            run(http, clients, viaService, WARM_UP);
            double[] stubOnly = run(http, clients, direct, MEASURED);
            double[] service = run(http, clients, viaService, MEASURED);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("concurrency", CONCURRENCY);
            result.put("requests", MEASURED);
            result.put("cores", Runtime.getRuntime().availableProcessors());
            result.put("stub_latency_ms", stubLatencyMs);
            result.put("stub_p50_ms", quantile(stubOnly, 0.5));
            result.put("stub_p99_ms", quantile(stubOnly, 0.99));
            result.put("service_p50_ms", quantile(service, 0.5));
            result.put("service_p99_ms", quantile(service, 0.99));
            result.put("overhead_p50_ms", round(quantile(service, 0.5) - quantile(stubOnly, 0.5)));
            result.put("overhead_p99_ms", round(quantile(service, 0.99) - quantile(stubOnly, 0.99)));
            Files.createDirectories(out);
            Path file = out.resolve("generator-overhead.json");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
            result.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-20s %s%n", k, v));
            System.out.println("wrote " + file);
        } finally {
            clients.shutdownNow();
            if (generator != null) {
                generator.destroy();
                generator.waitFor();
            }
            stub.stop(0);
        }
    }

    /** Sends {@code count} requests with {@link #CONCURRENCY} in flight; returns the latencies in ms. */
    private static double[] run(HttpClient http, ExecutorService clients, HttpRequest request, int count)
            throws Exception {
        List<Callable<double[]>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            int share = count / CONCURRENCY + (w < count % CONCURRENCY ? 1 : 0);
            workers.add(() -> {
                double[] latencies = new double[share];
                for (int i = 0; i < share; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = (System.nanoTime() - start) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode()
                                + ": " + response.body());
                    }
                }
                return latencies;
            });
        }
        List<double[]> parts = new ArrayList<>();
        for (Future<double[]> f : clients.invokeAll(workers)) {
            parts.add(f.get());
        }
        return parts.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    }

    private static HttpServer stubServer(long latencyMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2 * CONCURRENCY));
        server.start();
        return server;
    }

    private static void awaitReady(HttpClient http, int port, Process generator, Path log) throws Exception {
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double quantile(double[] sorted, double q) {
        return round(sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))]);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
