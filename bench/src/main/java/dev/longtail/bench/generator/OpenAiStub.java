package dev.longtail.bench.generator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * A non-blocking OpenAI-compatible stub on one Vert.x event loop: {@code POST /v1/chat/completions} answers a
 * fixed completion (after an optional timer standing for a model's time), {@code GET /v1/models} lists the model.
 * Fast enough that the yardstick, not the stub, sets the baseline (a JDK {@code HttpServer} needed 44 ms at p50
 * at 64 in flight on 2 cores).
 */
final class OpenAiStub implements AutoCloseable {

    static final String MODEL = "stub";

    private static final byte[] COMPLETION = ("""
            {"id":"stub","object":"chat.completion","created":0,"model":"stub","choices":[{"index":0,\
            "message":{"role":"assistant","content":"Tides follow the moon."},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}""")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODELS = """
            {"object":"list","data":[{"id":"stub","object":"model","owned_by":"bench"}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private final Vertx vertx;
    private final HttpServer server;

    private OpenAiStub(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1; {@code latencyMs} 0 answers at once. */
    static OpenAiStub start(long latencyMs) throws Exception {
        // one event loop: the stub is one of three programs sharing the machine's cores
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTcpNoDelay(true).setAcceptBacklog(1024))
                .requestHandler(request -> handle(vertx, request, latencyMs))
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new OpenAiStub(vertx, server);
    }

    int port() {
        return server.actualPort();
    }

    private static void handle(Vertx vertx, HttpServerRequest request, long latencyMs) {
        String path = request.path();
        if (path.endsWith("/models")) {
            respond(request, 200, MODELS);
            return;
        }
        if (!path.endsWith("/chat/completions")) {
            respond(request, 404, "{\"error\":{\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        // read the whole body, as a real server must, before answering
        request.body().onSuccess(body -> {
            if (latencyMs > 0) {
                vertx.setTimer(latencyMs, id -> respond(request, 200, COMPLETION));
            } else {
                respond(request, 200, COMPLETION);
            }
        });
    }

    private static void respond(HttpServerRequest request, int status, byte[] body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(Buffer.buffer(body));
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
