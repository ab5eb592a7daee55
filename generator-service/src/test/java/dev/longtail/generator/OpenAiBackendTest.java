package dev.longtail.generator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.ScriptedServer.Step;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAI backend over real HTTP: end to end against the embedded model served by this application's own
 * {@code /v1} endpoints, and on its error paths against a scripted server.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class OpenAiBackendTest {

    private static final List<String> INSTRUCTIONS = List.of(
            "Explain how to make a simple tomato sauce.",
            "Describe how to sow carrot seeds.",
            "Give a tip for seeing more stars at night.");

    private ScriptedServer server;

    @BeforeEach
    void setUp() {
        server = ScriptedServer.fromConfig().reset();
    }

    // --- the served embedded model ------------------------------------------------------------------------

    @Test
    void shouldAnswerChatCompletionsWithTheEmbeddedModel() {
        given().contentType(ContentType.JSON).auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY).body(Map.of("model", "kneser-ney-3+knn8", "seed", 5, "max_tokens", 30,
                        "messages", List.of(Map.of("role", "user", "content", "Describe how to sow carrot seeds."))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", not(equalTo("")))
                .body("choices[0].finish_reason", notNullValue())
                .body("usage.completion_tokens", greaterThan(0));
    }

    @Test
    void shouldListTheServedModelAndRefuseOthersInOpenAisErrorShape() {
        given().auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY).when().get("/v1/models")
                .then().statusCode(200).body("data[0].id", equalTo("kneser-ney-3+knn8"));
        given().contentType(ContentType.JSON).auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY)
                .body(Map.of("model", "gpt-4", "prompt", "Hi"))
                .when().post("/v1/completions")
                .then().statusCode(404).body("error.code", equalTo("model_not_found"));
        given().contentType(ContentType.JSON).auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY).body("{\"model\": ")
                .when().post("/v1/completions")
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void shouldRefuseTheServedModelWithoutItsKey() {
        given().contentType(ContentType.JSON).body(Map.of("prompt", "Hi"))
                .when().post("/v1/completions")
                .then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        given().auth().oauth2("sk-wrong").when().get("/v1/models").then().statusCode(401);
    }

    @Test
    void shouldGenerateOverHttpExactlyWhatTheEmbeddedBackendGeneratesInProcess() {
        JsonPath embedded = generate(request("embedded", 11));
        JsonPath overHttp = generate(request("self", 11));
        assertEquals(3, overHttp.getInt("generated"), "every instruction answered over HTTP");
        assertEquals(embedded.getList("samples.output"), overHttp.getList("samples.output"),
                "same corpus, prompt, parameters and derived seed: the same text");
        assertEquals("self", overHttp.getString("backend"));
        assertEquals("kneser-ney-3+knn8", overHttp.getString("samples[0].provenance.model"));
        assertEquals("response/v1", overHttp.getString("samples[0].provenance.template"));
        assertEquals(11L, overHttp.getLong("samples[0].provenance.randomSeed"));
        assertTrue(overHttp.getInt("samples[0].provenance.promptTokens") > 0);
        assertTrue(overHttp.getLong("samples[0].provenance.latencyMicros") > 0);
    }

    @Test
    void shouldAssembleAStreamedCompletionWithLogprobsFromTheServedModel() {
        JsonPath embedded = generate(request("embedded", 12));
        JsonPath streamed = generate(request("self-stream", 12));
        assertEquals(3, streamed.getInt("generated"));
        assertEquals(embedded.getList("samples.output"), streamed.getList("samples.output"));
        List<Float> means = streamed.getList("samples.provenance.meanLogprob", Float.class);
        assertTrue(means.stream().allMatch(m -> m != null && m < 0), "log-probabilities came back: " + means);
        assertTrue(streamed.getList("samples[0].logprobs").size() > 0);
    }

    // --- error paths against the scripted server --------------------------------------------------------

    @Test
    void shouldRetryRateLimitsAndServerErrorsThenSucceedWithTheKeyInTheHeaderOnly() {
        server.then(Step.json(429, "{\"error\": {\"message\": \"rate limited\"}}").withHeader("retry-after-ms", "20"))
                .then(Step.json(503, "overloaded"))
                .then(Step.json(200, ScriptedServer.chatAnswer("Simmer the tomatoes.", 12, 4)));

        JsonPath result = generate(scriptedRequest("scripted", List.of("Explain tomato sauce.")));
        assertEquals("GENERATED", result.getString("samples[0].status"));
        assertEquals("Simmer the tomatoes.", result.getString("samples[0].output"));
        assertEquals(3, result.getInt("samples[0].provenance.attempts"));
        assertEquals(12, result.getInt("samples[0].provenance.promptTokens"));
        assertEquals(3, server.received().size());
        assertTrue(server.received().stream().allMatch(r -> ("Bearer " + OpenAiBackendsTestResource.API_KEY).equals(r.authorization())));
        assertTrue(server.received().get(0).body().contains("\"seed\""), "the derived seed is sent");
        given().when().get("/api/v1/backends").then().statusCode(200)
                .body(not(containsString(OpenAiBackendsTestResource.API_KEY)));
    }

    @Test
    void shouldFailTheSampleWithTheReasonOnceRetriesAreUsedUp() {
        server.always(Step.json(500, "{\"error\": {\"message\": \"boom\"}}"));
        JsonPath result = generate(scriptedRequest("scripted", List.of("Explain tomato sauce.")));
        assertEquals("FAILED", result.getString("samples[0].status"));
        assertEquals("HTTP 500: boom (after 4 attempts)", result.getString("samples[0].failureReason"));
        assertEquals(4, server.received().size(), "one attempt and three retries");
    }

    @Test
    void shouldNotRetryARequestTheServerRejects() {
        server.then(Step.json(400, "{\"error\": {\"message\": \"max_tokens is too large\"}}"));
        JsonPath result = generate(scriptedRequest("scripted", List.of("Explain tomato sauce.")));
        assertEquals("HTTP 400: max_tokens is too large", result.getString("samples[0].failureReason"));
        assertEquals(1, server.received().size());
    }

    @Test
    void shouldFailOnMalformedJsonWithoutRetrying() {
        server.then(Step.json(200, "{\"choices\": [{\"message\": "));
        JsonPath result = generate(scriptedRequest("scripted", List.of("Explain tomato sauce.")));
        assertEquals("FAILED", result.getString("samples[0].status"));
        assertTrue(result.getString("samples[0].failureReason").startsWith("malformed response"),
                result.getString("samples[0].failureReason"));
        assertEquals(1, server.received().size());
    }

    @Test
    void shouldRetryARequestThatTimesOut() {
        server.then(Step.json(200, ScriptedServer.chatAnswer("late", 1, 1)).delayed(1_500))
                .then(Step.json(200, ScriptedServer.chatAnswer("Sow them thinly.", 5, 3)));
        JsonPath result = generate(scriptedRequest("scripted", List.of("Describe sowing.")));
        assertEquals("Sow them thinly.", result.getString("samples[0].output"));
        assertEquals(2, result.getInt("samples[0].provenance.attempts"));
    }

    @Test
    void shouldRetryAStreamThatEndsBeforeDoneAndABodyCutOffMidTransfer() {
        String complete = """
                data: {"choices": [{"delta": {"role": "assistant", "content": ""}, "finish_reason": null}]}

                data: {"choices": [{"delta": {"content": "Look away"}, "finish_reason": null}]}

                data: {"choices": [{"delta": {"content": " from lights."}, "finish_reason": "stop"}]}

                data: [DONE]

                """;
        server.then(Step.sse(complete.substring(0, complete.indexOf("data: [DONE]"))))
                .then(Step.sse(complete).cutMidway())
                .then(Step.sse(complete));
        JsonPath result = generate(scriptedRequest("scripted-stream", List.of("Give a stargazing tip.")));
        assertEquals("Look away from lights.", result.getString("samples[0].output"));
        assertEquals(3, result.getInt("samples[0].provenance.attempts"));
        assertTrue(server.received().get(0).body().contains("\"stream\":true"));
    }

    @Test
    void shouldOpenTheCircuitAfterRepeatedFailuresAndStopCallingTheServer() {
        server.always(Step.json(502, "bad gateway"));
        for (int i = 0; i < 4; i++) {
            generate(scriptedRequest("fragile", List.of("Explain tomato sauce.")));
        }
        int calls = server.received().size();
        JsonPath result = generate(scriptedRequest("fragile", List.of("Explain tomato sauce.")));
        assertEquals("circuit breaker open for backend fragile", result.getString("samples[0].failureReason"));
        assertEquals(calls, server.received().size(), "an open circuit does not reach the server");
        given().when().get("/api/v1/backends/fragile").then().statusCode(200)
                .body("circuitBreaker", equalTo("OPEN"))
                .body("lastFailure", startsWith("HTTP 502"));
        // readiness data names the open circuit; only the default backend's open circuit makes the generator unready
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'generation-backends' }.data.fragile", equalTo("OPEN"))
                .body("checks.find { it.name == 'generation-backends' }.status", equalTo("UP"));
    }

    @Test
    void shouldChangeTheSelfInstructExampleMixAtRunTimeAndRefuseANegativeCount() {
        given().when().get("/admin/config").then().statusCode(200)
                .body("'selfInstruct.humanExamples'", equalTo(6));
        given().contentType("application/json").body(Map.of("selfInstruct.machineExamples", -1))
                .when().patch("/admin/config")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("selfInstruct.machineExamples"));
        try {
            given().contentType("application/json").body(Map.of("selfInstruct.humanExamples", 3))
                    .when().patch("/admin/config")
                    .then().statusCode(200).body("'selfInstruct.humanExamples'", equalTo(3));
        } finally {
            given().contentType("application/json").body(Map.of("selfInstruct.humanExamples", 6))
                    .when().patch("/admin/config").then().statusCode(200);
        }
    }

    @Test
    void shouldKeepConcurrentRequestsWithinTheBackendsLimit() {
        server.always(Step.json(200, ScriptedServer.chatAnswer("ok then", 3, 2)).delayed(150));
        JsonPath result = generate(scriptedRequest("scripted",
                List.of("one", "two", "three", "four", "five", "six")));
        assertEquals(6, result.getInt("generated"));
        assertEquals(2, server.maxInFlight(), "max-concurrency=2: two at a time, never more");
    }

    @Test
    void shouldAccountTokensAndCostPerCampaign() {
        String campaignId = UUID.randomUUID().toString();
        server.always(Step.json(200, ScriptedServer.chatAnswer("fine", 10, 5)));
        var body = scriptedRequest("scripted", List.of("one", "two"));
        body.put("campaignId", campaignId);
        generate(body);

        given().when().get("/api/v1/campaigns/{id}/usage", campaignId)
                .then().statusCode(200)
                .body("requests", equalTo(2))
                .body("promptTokens", equalTo(20))
                .body("completionTokens", equalTo(10))
                .body("costUsd", equalTo(0.04f))
                .body("lines[0].backend", equalTo("scripted"))
                .body("lines[0].model", equalTo("scripted-model"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("longtail_generator_tokens_total{backend=\"scripted\",kind=\"prompt\""))
                .body(containsString("longtail_generator_backend_in_flight{backend=\"scripted\""));
    }

    @Test
    void shouldAccountTheTokensOfACallWhoseClientHungUpBeforeTheAnswer() {
        String campaignId = UUID.randomUUID().toString();
        server.always(Step.json(200, ScriptedServer.chatAnswer("Nobody is listening any more.", 9, 4)).delayed(700));
        var body = scriptedRequest("scripted", List.of("Explain tomato sauce."));
        body.put("campaignId", campaignId);
        var impatient = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 200));

        assertThrows(SocketTimeoutException.class, () -> given().config(impatient).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/generate"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .when().get("/api/v1/campaigns/{id}/usage", campaignId)
                .then().statusCode(200)
                .body("requests", equalTo(1))
                .body("promptTokens", equalTo(9))
                .body("completionTokens", equalTo(4)));
    }

    @Test
    void shouldShowSelfInstructSixHumanAndTwoMachineExamples() {
        server.always(Step.json(200, ScriptedServer.chatAnswer("Write a haiku about rain.", 40, 6)));
        var body = new HashMap<String, Object>();
        body.put("backend", "scripted");
        body.put("mode", "self-instruct");
        body.put("humanSeeds", List.of("h one", "h two", "h three", "h four", "h five", "h six", "h seven"));
        body.put("machineSeeds", List.of("m one", "m two", "m three"));
        body.put("count", 2);
        body.put("sampling", sampling(3));
        JsonPath result = generate(body);

        assertEquals("SELF_INSTRUCT", result.getString("mode"));
        assertEquals("self-instruct/v1", result.getString("template"));
        assertEquals("Write a haiku about rain.", result.getString("samples[0].output"));
        List<String> examples = result.getList("samples[0].examples");
        assertEquals(8, examples.size());
        assertEquals(6, examples.stream().filter(e -> e.startsWith("h ")).count());
        String prompt = server.received().get(0).body();
        assertTrue(prompt.contains("Task 8: ") && !prompt.contains("Task 9: "), prompt);
    }

    @Test
    void shouldRephraseThroughTheVersionedTemplate() {
        server.always(Step.json(200, ScriptedServer.chatAnswer("Cook the sauce slowly.", 20, 5)));
        var body = new HashMap<String, Object>();
        body.put("backend", "scripted");
        body.put("mode", "REPHRASE");
        body.put("texts", List.of("Simmer the sauce for a long time."));
        body.put("sampling", sampling(4));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/generate")
                .then().statusCode(200)
                .body("samples[0].text", equalTo("Simmer the sauce for a long time."))
                .body("samples[0].provenance.template", equalTo("rephrase/v1"))
                .body("samples[0].output", equalTo("Cook the sauce slowly."));
        assertTrue(server.received().get(0).body().contains("Rephrase the following text."));
    }

    @Test
    void shouldRejectAnUnknownBackendAndAModeWithoutItsInputs() {
        var body = scriptedRequest("nowhere", List.of("x"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", everyItem(equalTo("backend")));
        var rephrase = new HashMap<String, Object>(Map.of("backend", "scripted", "mode", "REPHRASE", "sampling", sampling(1)));
        given().contentType(ContentType.JSON).body(rephrase).when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasSize(1)).body("errors[0].field", equalTo("texts"));
    }

    @Test
    void shouldReportEveryBackendsHealthAndLimits() {
        given().when().get("/api/v1/backends").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems("embedded", "self", "scripted", "fragile"))
                .body("find { it.name == 'self' }.healthy", equalTo(true))
                .body("find { it.name == 'self' }.detail", equalTo("serves kneser-ney-3+knn8"))
                .body("find { it.name == 'scripted' }.maxConcurrency", equalTo(2))
                .body("find { it.name == 'embedded' }.isDefault", equalTo(true));
        given().when().get("/api/v1/backends/self/health").then().statusCode(200).body("probeMillis", lessThan(5_000));
        given().when().get("/api/v1/backends/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private static JsonPath generate(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/generate")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> request(String backend, long seed) {
        var corpus = Fixtures.trainingCorpus().stream()
                .map(t -> Map.of("instruction", t.instruction(), "input", t.input(), "output", t.output()))
                .toList();
        var body = new HashMap<String, Object>();
        body.put("backend", backend);
        body.put("trainingCorpus", corpus);
        body.put("instructions", INSTRUCTIONS);
        body.put("sampling", sampling(seed));
        return body;
    }

    private static Map<String, Object> scriptedRequest(String backend, List<String> instructions) {
        var body = new HashMap<String, Object>();
        body.put("backend", backend);
        body.put("instructions", instructions);
        body.put("sampling", sampling(1));
        return body;
    }

    private static Map<String, Object> sampling(long seed) {
        return Map.of("temperature", 1.0, "topP", 0.95, "maxTokens", 40, "randomSeed", seed);
    }
}
