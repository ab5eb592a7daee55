package dev.longtail.generator;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures OpenAI-compatible backends for tests: {@code self} and {@code self-stream} point at this very
 * application's {@code /v1} endpoints (so the HTTP port is fixed to a free one), the {@code scripted*} and
 * {@code fragile} backends at a {@link ScriptedServer} on another free port, with short timeouts and backoff. Init
 * args are further configuration on top (e.g. a longer {@code generate.patience}); an application with other init
 * args is another application, with its own ports. The ports are also announced as system properties
 * ({@link #ANNOUNCED_HTTP_PORT}, {@link #ANNOUNCED_SCRIPTED_PORT}) for tests that run outside the application (a
 * {@code @QuarkusMainTest} cannot read its configuration); the last application started announces its own.
 */
public class OpenAiBackendsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SCRIPTED_PORT = "longtail.test.scripted-port";
    public static final String ANNOUNCED_HTTP_PORT = "longtail.test.announced.http-port";
    public static final String ANNOUNCED_SCRIPTED_PORT = "longtail.test.announced.scripted-port";
    public static final String API_KEY = "sk-test-secret-key";
    public static final String SERVED_KEY = "sk-served-model-key";

    private Map<String, String> overrides = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        overrides = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        int app = freePort();
        int scripted = freePort();
        Map<String, String> config = new HashMap<>();
        // both: an application launched through its main method (@QuarkusMainTest) may not run in the test profile
        config.put("quarkus.http.test-port", String.valueOf(app));
        config.put("quarkus.http.port", String.valueOf(app));
        config.put(SCRIPTED_PORT, String.valueOf(scripted));
        System.setProperty(ANNOUNCED_HTTP_PORT, String.valueOf(app));
        System.setProperty(ANNOUNCED_SCRIPTED_PORT, String.valueOf(scripted));
        String self = "http://127.0.0.1:" + app + "/v1";
        String script = "http://127.0.0.1:" + scripted + "/v1";

        config.put("longtail.generator.serving.api-key", SERVED_KEY);
        backend(config, "self", self, "kneser-ney-3+knn8");
        config.put("longtail.generator.backends.self.api-key", SERVED_KEY);
        backend(config, "self-stream", self, "kneser-ney-3+knn8");
        config.put("longtail.generator.backends.self-stream.api-key", SERVED_KEY);
        config.put("longtail.generator.backends.self-stream.api", "completions");
        config.put("longtail.generator.backends.self-stream.stream", "true");
        config.put("longtail.generator.backends.self-stream.logprobs", "true");

        backend(config, "scripted", script, "scripted-model");
        config.put("longtail.generator.backends.scripted.api-key", API_KEY);
        config.put("longtail.generator.backends.scripted.max-concurrency", "2");
        config.put("longtail.generator.backends.scripted.cost.prompt-per-million", "1000");
        config.put("longtail.generator.backends.scripted.cost.completion-per-million", "2000");

        backend(config, "scripted-stream", script, "scripted-model");
        config.put("longtail.generator.backends.scripted-stream.stream", "true");

        backend(config, "fragile", script, "scripted-model");
        config.put("longtail.generator.backends.fragile.retry.max-retries", "0");
        config.put("longtail.generator.backends.fragile.circuit-breaker.request-volume-threshold", "4");
        config.put("longtail.generator.backends.fragile.circuit-breaker.failure-ratio", "0.5");
        config.put("longtail.generator.backends.fragile.circuit-breaker.delay", "60s");

        // synchronous calls fail fast in tests; the loop gives a failing backend two seconds per sample
        config.put("longtail.generator.generate.patience", "0s");
        config.put("longtail.generator.loop.sample-deadline", "2s");
        config.putAll(overrides);
        return config;
    }

    private static void backend(Map<String, String> config, String name, String url, String model) {
        String prefix = "longtail.generator.backends." + name + ".";
        config.put(prefix + "base-url", url);
        config.put(prefix + "model", model);
        config.put(prefix + "request-timeout", "1s");
        config.put(prefix + "retry.initial-delay", "10ms");
        config.put(prefix + "retry.max-delay", "200ms");
        config.put(prefix + "retry.max-retries", "3");
        config.put(prefix + "circuit-breaker.request-volume-threshold", "1000");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void stop() {
    }
}
