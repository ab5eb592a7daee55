package dev.longtail.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny HTTP server that answers with scripted responses, one step per request, and records what it received
 * and how many requests it held at once: the misbehaving model server of the error-path tests.
 */
public final class ScriptedServer {

    /** One scripted answer: status, headers, body, a delay before answering, or a body cut off mid-transfer. */
    public record Step(int status, Map<String, String> headers, String body, long delayMillis, boolean cutOff) {

        public static Step json(int status, String body) {
            return new Step(status, Map.of("Content-Type", "application/json"), body, 0, false);
        }

        public static Step sse(String body) {
            return new Step(200, Map.of("Content-Type", "text/event-stream"), body, 0, false);
        }

        public Step withHeader(String name, String value) {
            var copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Step(status, Map.copyOf(copy), body, delayMillis, cutOff);
        }

        public Step delayed(long millis) {
            return new Step(status, headers, body, millis, cutOff);
        }

        public Step cutMidway() {
            return new Step(status, headers, body, delayMillis, true);
        }
    }

    /** One received request. */
    public record Received(String method, String path, String authorization, String body) {
    }

    /** One server per port: each application the tests boot reserves its own. */
    private static final Map<Integer, ScriptedServer> SERVERS = new java.util.HashMap<>();

    private final HttpServer server;
    private final Deque<Step> steps = new ArrayDeque<>();
    private Step fallback;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private ScriptedServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server of this JVM on that port, started on first use. */
    public static synchronized ScriptedServer on(int port) {
        return SERVERS.computeIfAbsent(port, p -> {
            try {
                return new ScriptedServer(p);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the scripted server on " + p, e);
            }
        });
    }

    /**
     * The server on the port {@link OpenAiBackendsTestResource} reserved; read from config at call time, because
     * an injected test field would be validated in every application the module boots, also those without it.
     */
    public static ScriptedServer fromConfig() {
        return on(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue(OpenAiBackendsTestResource.SCRIPTED_PORT, Integer.class));
    }

    /** Forgets steps, requests and counters; unscripted requests get 500 until {@link #always} says otherwise. */
    public synchronized ScriptedServer reset() {
        steps.clear();
        received.clear();
        fallback = Step.json(500, "{\"error\": {\"message\": \"nothing scripted\"}}");
        maxInFlight.set(0);
        return this;
    }

    public synchronized ScriptedServer then(Step step) {
        steps.add(step);
        return this;
    }

    /** The answer once the scripted steps are used up. */
    public synchronized ScriptedServer always(Step step) {
        fallback = step;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Step step;
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                step = steps.isEmpty() ? fallback : steps.poll();
            }
            if (step.delayMillis() > 0) {
                Thread.sleep(step.delayMillis());
            }
            step.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = step.body().getBytes(StandardCharsets.UTF_8);
            if (step.cutOff()) {
                // promise more than is sent, then drop the connection: a transfer cut off mid-body
                exchange.sendResponseHeaders(step.status(), bytes.length + 1000L);
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(step.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** A chat completion answer with usage. */
    public static String chatAnswer(String content, int promptTokens, int completionTokens) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "scripted-model",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d}}
                """.formatted(content, promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
