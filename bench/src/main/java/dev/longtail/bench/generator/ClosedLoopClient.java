package dev.longtail.bench.generator;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * A closed-loop HTTP/1.1 load generator on one Vert.x event loop: {@code concurrency} keep-alive connections,
 * each sending its next request as soon as the previous answer's body has arrived. Non-blocking, so that the
 * client costs little CPU and both measured paths pay the same for it.
 */
final class ClosedLoopClient implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http;
    private final int concurrency;

    ClosedLoopClient(int concurrency) {
        this.concurrency = concurrency;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout(5_000).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(concurrency).setMaxWaitQueueSize(-1));
    }

    /** One run: every request's latency in ms (sorted) and the run's wall time. */
    record Run(double[] latencies, double seconds) {
        double quantile(double q) {
            return latencies[Math.min(latencies.length - 1, (int) Math.floor(q * latencies.length))];
        }

        double requestsPerSecond() {
            return latencies.length / seconds;
        }
    }

    int concurrency() {
        return concurrency;
    }

    /** Sends {@code count} POSTs of {@code body} to {@code path} on 127.0.0.1:{@code port}, {@code concurrency} at a time. */
    Run run(int port, String path, String body, int count) throws Exception {
        return run(port, path, body, count, null);
    }

    /** The same, each request with {@code Authorization: Bearer <bearerToken>} (a Longtail service's API). */
    Run run(int port, String path, String body, int count, String bearerToken) throws Exception {
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Buffer payload = Buffer.buffer(body);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("content-type", "application/json");
        if (bearerToken != null) {
            options.putHeader("authorization", "Bearer " + bearerToken);
        }
        Runnable[] send = new Runnable[1];
        send[0] = () -> {
            int index = next.getAndIncrement();
            if (index >= count) {
                return;
            }
            long start = System.nanoTime();
            http.request(options)
                    .compose(request -> request.send(payload.copy()))
                    .compose(response -> response.body().map(answer -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + answer);
                        }
                        return answer;
                    }))
                    .onComplete(result -> {
                        if (result.failed()) {
                            finished.completeExceptionally(result.cause());
                            return;
                        }
                        latencies[index] = (System.nanoTime() - start) / 1e6;
                        if (done.incrementAndGet() == count) {
                            finished.complete(null);
                        } else {
                            send[0].run();
                        }
                    });
        };
        long begin = System.nanoTime();
        vertx.runOnContext(ignored -> {
            for (int i = 0; i < concurrency; i++) {
                send[0].run();
            }
        });
        finished.get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(latencies);
        return new Run(latencies, seconds);
    }

    @Override
    public void close() throws Exception {
        http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
