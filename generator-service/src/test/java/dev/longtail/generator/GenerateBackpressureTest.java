package dev.longtail.generator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.ScriptedServer.Step;
import dev.longtail.generator.backend.BackendLimiter;
import dev.longtail.generator.backend.BackendRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The synchronous API when its requests hold far more items than an OpenAI backend's concurrency limit: the items
 * beyond the limit queue for a slot instead of each parking a thread, and every one of them is still answered.
 * Its own application: patient items (the other OpenAI tests fail fast) and a limit of four.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(value = OpenAiBackendsTestResource.class, initArgs = {
        @ResourceArg(name = "longtail.generator.generate.patience", value = "60s"),
        @ResourceArg(name = "longtail.generator.backends.scripted.max-concurrency", value = "4") })
class GenerateBackpressureTest {

    private static final int LIMIT = 4;
    private static final int REQUESTS = 3;
    private static final int ITEMS = 256;

    @Inject
    BackendRegistry backends;

    private ScriptedServer server;

    @BeforeEach
    void setUp() {
        server = ScriptedServer.fromConfig().reset();
    }

    @Test
    void shouldQueueItemsBeyondTheBackendsLimitWithoutParkingAThreadForEachAndAnswerThemAll() throws Exception {
        server.always(Step.json(200, ScriptedServer.chatAnswer("Queued, then answered.", 5, 3)).delayed(10));
        BackendLimiter limiter = backends.find("scripted").orElseThrow().limiter();
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        int mostParked = 0;
        int mostWaiting = 0;
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int r = 0; r < REQUESTS; r++) {
                answers.add(clients.submit(() -> generate(ITEMS)));
            }
            while (!answers.stream().allMatch(Future::isDone)) {
                mostParked = Math.max(mostParked, threadsParkedOnABackend());
                mostWaiting = Math.max(mostWaiting, limiter.waiting());
                Thread.sleep(25);
            }
            for (Future<JsonPath> answer : answers) {
                JsonPath result = answer.get();
                assertEquals(ITEMS, result.getInt("generated"), () -> "every item answered: " + result.prettify());
                assertEquals(0, result.getInt("failed"));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(REQUESTS * ITEMS, server.received().size(), "one call per item, none lost, none repeated");
        assertTrue(server.maxInFlight() <= LIMIT, "never more than the limit at once: " + server.maxInFlight());
        assertTrue(mostWaiting > LIMIT, "items did queue beyond the limit: at most " + mostWaiting + " waited");
        assertTrue(mostParked <= LIMIT, "no thread per waiting item: " + mostParked + " threads were parked");
        assertEquals(0, limiter.inFlight(), "every slot came back");
        assertEquals(0, limiter.waiting(), "nobody is left waiting");
    }

    /** Threads blocked or sleeping inside the runner or a backend's limiter: what a waiting item used to cost. */
    private static int threadsParkedOnABackend() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING
                        || e.getKey().getState() == Thread.State.TIMED_WAITING)
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(frame ->
                        frame.getClassName().startsWith("dev.longtail.generator.generation.GenerationRunner")
                                || frame.getClassName().startsWith("dev.longtail.generator.backend.BackendLimiter")))
                .count();
    }

    private static JsonPath generate(int items) {
        var body = new HashMap<String, Object>();
        body.put("backend", "scripted");
        body.put("instructions", IntStream.range(0, items).mapToObj(i -> "Instruction number " + i).toList());
        body.put("sampling", Map.of("temperature", 1.0, "topP", 0.95, "maxTokens", 40, "randomSeed", 5));
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/generate")
                .then().statusCode(200).extract().jsonPath();
    }
}
