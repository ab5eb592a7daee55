package dev.longtail.evolver;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An evaluator serving the campaign reports a test gave it: {@code PUT /fake/campaigns/{id}/report} stores a report
 * that {@code GET /api/v1/campaigns/{id}/report} then answers; a campaign it was given none of is unknown (404), and
 * after {@code PUT /fake/campaigns/{id}/down} asking for that campaign's report drops the connection unanswered, as
 * an evaluator that went away does. The evolver finds it at {@code longtail.evolver.evaluator-url}.
 */
public class FakeEvaluatorResource implements QuarkusTestResourceLifecycleManager {

    private static final String REPORTS = "/api/v1/campaigns/";
    private static final String FAKE = "/fake/campaigns/";

    private final Map<String, byte[]> reports = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = FakeServers.onFreePort();
        server.createContext(FAKE, exchange -> {
            String[] path = exchange.getRequestURI().getPath().substring(FAKE.length()).split("/");
            if (path.length == 2 && path[1].equals("report")) {
                reports.put(path[0], exchange.getRequestBody().readAllBytes());
            } else if (path.length == 2 && path[1].equals("down")) {
                down.add(path[0]);
            }
            FakeServers.respond(exchange, 204, null);
        });
        server.createContext(REPORTS, exchange -> {
            String campaignId = exchange.getRequestURI().getPath().substring(REPORTS.length()).split("/")[0];
            if (down.contains(campaignId)) {
                // a handler that fails before answering makes the server close the connection unanswered
                throw new IllegalStateException("the evaluator went away");
            }
            byte[] report = reports.get(campaignId);
            if (report == null) {
                FakeServers.respond(exchange, 404, ("{\"status\":404,\"detail\":\"No campaign with id " + campaignId + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                FakeServers.respond(exchange, 200, report);
            }
        });
        server.start();
        return Map.of("longtail.evolver.evaluator-url", FakeServers.url(server));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
