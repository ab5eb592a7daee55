package dev.longtail.evolver;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A generator that knows the backends {@code embedded} and {@code vllm}, and fails on {@code broken}. */
public class FakeGeneratorResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeServers.onFreePort();
        server.createContext("/api/v1/backends/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/api/v1/backends/".length());
            int status = switch (name) {
                case "embedded", "vllm" -> 200;
                case "broken" -> 500;
                default -> 404;
            };
            FakeServers.respond(exchange, status, ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        return Map.of("quarkus.rest-client.generator.url", FakeServers.url(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
