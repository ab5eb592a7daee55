package dev.longtail.generator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.ScriptedServer.Step;
import io.quarkus.runtime.Quarkus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * A real shutdown with a request in flight: Quarkus lets the request finish ({@code quarkus.shutdown.timeout}) before
 * it fires the {@code ShutdownEvent}, so the client gets its answer and the usage ledger's last flush books its
 * tokens. The application is launched through its main method, shut down while a slow backend is still answering
 * (as Kubernetes' SIGTERM would), and launched again to read the account. The periodic flush is off, so only the
 * shutdown can have written the usage.
 */
@QuarkusMainTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(value = OpenAiBackendsTestResource.class, initArgs = {
        @ResourceArg(name = "longtail.generator.accounting.flush-every", value = "1h"),
        @ResourceArg(name = "longtail.generator.backends.scripted.request-timeout", value = "10s") })
class ShutdownDrainTest {

    private static final Duration ANSWER_DELAY = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A launch on two busy cores can take minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldFinishARequestInFlightWhenTheShutdownStartsAndBookItsUsageInTheLastFlush(QuarkusMainLauncher launcher)
            throws Exception {
        String campaignId = UUID.randomUUID().toString();
        // announced anew by this launch: an application started before it may still be running
        System.clearProperty(OpenAiBackendsTestResource.ANNOUNCED_HTTP_PORT);
        System.clearProperty(OpenAiBackendsTestResource.ANNOUNCED_SCRIPTED_PORT);

        Thread launching = Thread.currentThread();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                ScriptedServer server = ScriptedServer.on(port(OpenAiBackendsTestResource.ANNOUNCED_SCRIPTED_PORT))
                        .reset().always(Step.json(200, ScriptedServer.chatAnswer("Answered while shutting down.", 9, 4))
                                .delayed(ANSWER_DELAY.toMillis()));
                awaitUp();
                CompletableFuture<HttpResponse<String>> answer = http.sendAsync(generate(campaignId),
                        HttpResponse.BodyHandlers.ofString());
                await().atMost(PATIENCE).until(() -> server.inFlight() == 1);
                return answer;
            } finally {
                exit(launching); // as on SIGTERM: the request is still waiting for the backend
            }
        }).thenCompose(answer -> answer);
        assertEquals(0, launcher.launch().exitCode(), "the application shut down cleanly");

        HttpResponse<String> answer = inFlight.get(PATIENCE.toSeconds(), TimeUnit.SECONDS); // done: launch returned
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Answered while shutting down.", mapper.readTree(answer.body()).at("/samples/0/output").asText());

        CompletableFuture<JsonNode> account = CompletableFuture.supplyAsync(() -> {
            try {
                awaitUp();
                return mapper.readTree(get("/api/v1/campaigns/" + campaignId + "/usage").body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                exit(launching);
            }
        });
        launcher.launch();
        JsonNode usage = account.get(PATIENCE.toSeconds(), TimeUnit.SECONDS); // done: launch returned
        assertEquals(1, usage.path("requests").asInt(), usage.toString());
        assertEquals(9, usage.path("promptTokens").asInt());
        assertEquals(4, usage.path("completionTokens").asInt());
    }

    /**
     * Shuts the launched application down as a signal would, with {@code Quarkus.asyncExit()} of the application's
     * own class loader (the test's {@code Quarkus} is another class): the one the launching thread runs it with.
     */
    private static void exit(Thread launching) {
        try {
            Class.forName(Quarkus.class.getName(), true, launching.getContextClassLoader()).getMethod("asyncExit")
                    .invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot shut the application down", e);
        }
    }

    private HttpRequest generate(String campaignId) {
        try {
            String body = mapper.writeValueAsString(Map.of("backend", "scripted", "campaignId", campaignId,
                    "instructions", List.of("Explain tomato sauce."),
                    "sampling", Map.of("temperature", 1.0, "topP", 0.95, "maxTokens", 40, "randomSeed", 1)));
            return HttpRequest.newBuilder(uri("/api/v1/generate")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the launched application answers; meanwhile the test's thread is inside its launch. */
    private void awaitUp() {
        await().atMost(STARTUP).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> get("/q/health/ready").statusCode() == 200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port(OpenAiBackendsTestResource.ANNOUNCED_HTTP_PORT) + path);
    }

    /** The port the application's test resource announced, once it did. */
    private static int port(String property) {
        return Integer.parseInt(await().atMost(STARTUP).until(() -> System.getProperty(property), p -> p != null));
    }
}
