package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The evolver's experiments API and the evaluator's campaign reports as the contract describes them, served over
 * real HTTP on a free port from fixtures: the experiment moves through the given states, one per poll.
 */
final class FakeServices implements AutoCloseable {

    static final String HTML = "<!doctype html><title>demo</title><svg></svg>";

    private final HttpServer server;
    private final List<JsonNode> states;
    private final JsonNode report;
    private final AtomicInteger polls = new AtomicInteger();
    final List<String> posted = Collections.synchronizedList(new ArrayList<>());

    FakeServices(List<JsonNode> states, JsonNode report) throws IOException {
        this.states = List.copyOf(states);
        this.report = report;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ExperimentClient client() {
        return new ExperimentClient(url(), new CampaignClient(url(), url(), url()), java.time.Duration.ofMillis(5));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = states.get(0).path("id").asText();
        try (exchange) {
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/v1/experiments")) {
                posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                respond(exchange, 201, "application/json", states.get(0).toString());
            } else if (path.equals("/api/v1/experiments/" + id)) {
                int poll = Math.min(polls.getAndIncrement(), states.size() - 1);
                respond(exchange, 200, "application/json", states.get(poll).toString());
            } else if (path.equals("/api/v1/experiments/" + id + "/report")) {
                respond(exchange, 200, "application/json", report.toString());
            } else if (path.equals("/api/v1/experiments/" + id + "/report.html")) {
                respond(exchange, 200, "text/html", HTML);
            } else if (path.matches("/api/v1/campaigns/[^/]+/report")) {
                String campaignId = path.split("/")[4];
                JsonNode campaignReport = Fixtures.json("report-fixture.json").put("campaignId", campaignId);
                respond(exchange, 200, "application/json", campaignReport.toString());
            } else {
                respond(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
