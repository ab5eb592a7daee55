package dev.longtail.evolver;

import com.sun.net.httpserver.HttpServer;
import dev.longtail.devstack.testing.AuthTestKit;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The generator and the evaluator as far as the evolver calls them, each answering only a request that carries
 * the evolver's service token ({@link AuthTestKit#serviceToken()}): 401 otherwise, as the real services do. The
 * generator knows backend {@code embedded}; the evaluator knows no campaign (404).
 */
public class TokenCheckingPeers implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        String expected = "Bearer " + AuthTestKit.serviceToken();
        server = FakeServers.onFreePort();
        server.createContext("/api/v1/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status;
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (path.startsWith("/api/v1/backends/")) {
                status = path.endsWith("/embedded") ? 200 : 404;
            } else {
                status = 404;
            }
            FakeServers.respond(exchange, status, "{}".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        return Map.of("quarkus.rest-client.generator.url", FakeServers.url(server),
                "longtail.evolver.evaluator-url", FakeServers.url(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
