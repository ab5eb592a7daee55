package dev.longtail.generator.openai.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.OpenAiBackendsTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The generator's own OpenAI-compatible endpoints as an OpenAI client sees them: every refusal in OpenAI's error
 * shape, naming the parameter at fault; the key checked before the body is read; streams that add up to the answer.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class OpenAiCompatibleResourceTest {

    private static final String PROMPT = "Describe how to sow carrot seeds.";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldRefuseValuesOutOfRangeNamingTheParameterInOpenAisErrorShape() {
        refused(chat(Map.of("temperature", 3)), 400, "invalid_value", "temperature",
                "temperature must be a number in [0.0, 2.0]");
        refused(chat(Map.of("top_p", 0)), 400, "invalid_value", "top_p", "top_p must be > 0");
        refused(chat(Map.of("n", 9)), 400, "invalid_value", "n", "n must be a number in [1.0, 8.0]");
        refused(completion(Map.of("max_tokens", 0)), 400, "invalid_value", "max_tokens",
                "max_tokens must be a number in [1.0, 8192.0]");
    }

    @Test
    void shouldRefuseAChatWithoutMessagesOrContentAndACompletionWithoutAStringPrompt() {
        refused(post("/v1/chat/completions", Map.of("messages", List.of())), 400, "invalid_request_error", "messages",
                "messages must be a non-empty array");
        refused(post("/v1/chat/completions", Map.of("messages", List.of(Map.of("role", "user")))), 400,
                "invalid_request_error", "messages", "every message needs content");
        refused(post("/v1/completions", Map.of("prompt", 42)), 400, "invalid_request_error", "prompt",
                "prompt must be a string");
        refused(post("/v1/completions", Map.of("prompt", List.of("one", "two"))), 400, "invalid_request_error",
                "prompt", "prompt must be a string");
    }

    @Test
    void shouldRefuseABodyThatIsNoJsonObjectOrHasAFieldOfTheWrongType() {
        refused(post("/v1/completions", List.of(1, 2)), 400, "invalid_request_error", null,
                "the body must be a JSON object");
        refused(post("/v1/chat/completions", Map.of("messages", List.of(Map.of("role", "user", "content", PROMPT)),
                "seed", "soon")), 400, "invalid_value", "seed", null);
    }

    @Test
    void shouldCheckTheKeyBeforeReadingTheBody() {
        given().contentType(ContentType.JSON).body("{\"model\": ").when().post("/v1/chat/completions")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("error.code", equalTo("invalid_api_key")).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void shouldReadTheBodyAsJsonWhateverContentTypeTheClientSent() {
        given().contentType(ContentType.TEXT).auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY)
                .body("{\"prompt\": \"" + PROMPT + "\", \"max_tokens\": 5}")
                .when().post("/v1/completions").then().statusCode(200).body("object", equalTo("text_completion"));
    }

    @Test
    void shouldReadTextPartsAndAOnePromptArrayAsTheTextTheyHold() {
        String plain = post("/v1/chat/completions", request(Map.of("messages",
                List.of(Map.of("role", "user", "content", PROMPT))))).statusCode(200)
                .extract().path("choices[0].message.content");
        String parts = post("/v1/chat/completions", request(Map.of("messages", List.of(Map.of("role", "user",
                "content", List.of(Map.of("type", "text", "text", "Describe how to sow "),
                        Map.of("type", "text", "text", "carrot seeds."))))))).statusCode(200)
                .extract().path("choices[0].message.content");
        assertEquals(plain, parts, "the same prompt, the same seed: the same answer");
        String prompt = post("/v1/completions", request(Map.of("prompt", PROMPT))).statusCode(200)
                .extract().path("choices[0].text");
        String promptArray = post("/v1/completions", request(Map.of("prompt", List.of(PROMPT)))).statusCode(200)
                .extract().path("choices[0].text");
        assertEquals(prompt, promptArray);
    }

    @Test
    void shouldStreamAChatAnswerThatAddsUpToTheWholeAnswerThenItsUsageThenDone() throws Exception {
        Map<String, Object> whole = request(Map.of("messages", List.of(Map.of("role", "user", "content", PROMPT)),
                "logprobs", true));
        JsonNode answer = mapper.readTree(post("/v1/chat/completions", whole).statusCode(200)
                .extract().asString());
        Map<String, Object> streamed = new HashMap<>(whole);
        streamed.put("stream", true);
        streamed.put("stream_options", Map.of("include_usage", true));
        String events = post("/v1/chat/completions", streamed).statusCode(200)
                .contentType(startsWith("text/event-stream")).extract().asString();

        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            if (!event.equals("data: [DONE]")) {
                chunks.add(mapper.readTree(event.substring("data: ".length())));
            }
        }
        assertTrue(events.endsWith("data: [DONE]\n\n"), events);
        StringBuilder text = new StringBuilder();
        int logprobs = 0;
        for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            JsonNode choice = chunk.path("choices").get(0);
            text.append(choice.path("delta").path("content").asText(""));
            logprobs += choice.path("logprobs").path("content").size();
        }
        JsonNode first = chunks.get(0).path("choices").get(0);
        JsonNode last = chunks.get(chunks.size() - 2).path("choices").get(0);
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertEquals("assistant", first.path("delta").path("role").asText());
        assertEquals(answer.path("choices").get(0).path("message").path("content").asText(), text.toString());
        assertEquals(answer.path("choices").get(0).path("logprobs").path("content").size(), logprobs,
                "every token's log-probability, once");
        assertEquals(answer.path("choices").get(0).path("finish_reason"), last.path("finish_reason"));
        assertEquals(0, usage.path("choices").size());
        assertEquals(answer.path("usage"), usage.path("usage"));
    }

    @Test
    void shouldAnswerSeveralChoicesEachCutAtTheFirstStopSequence() {
        var body = new HashMap<String, Object>(request(Map.of("prompt", PROMPT)));
        body.put("n", 3);
        body.put("stop", List.of("."));
        post("/v1/completions", body).statusCode(200)
                .body("object", equalTo("text_completion"))
                .body("choices", hasSize(3))
                .body("choices.index", equalTo(List.of(0, 1, 2)))
                .body("choices.findAll { it.text.contains('.') }", hasSize(0));
    }

    private static Map<String, Object> chat(Map<String, Object> fields) {
        var body = new HashMap<>(request(fields));
        body.put("messages", List.of(Map.of("role", "user", "content", PROMPT)));
        return body;
    }

    private static Map<String, Object> completion(Map<String, Object> fields) {
        var body = new HashMap<>(request(fields));
        body.put("prompt", PROMPT);
        return body;
    }

    private static Map<String, Object> request(Map<String, Object> fields) {
        var body = new HashMap<String, Object>(Map.of("model", "kneser-ney-3+knn8", "seed", 5, "max_tokens", 30));
        body.putAll(fields);
        return body;
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY).body(body)
                .when().post(path).then();
    }

    private static ValidatableResponse post(Map<String, Object> chatOrCompletion) {
        return post(chatOrCompletion.containsKey("messages") ? "/v1/chat/completions" : "/v1/completions",
                chatOrCompletion);
    }

    private static void refused(Map<String, Object> body, int status, String code, String param, String message) {
        refused(post(body), status, code, param, message);
    }

    private static void refused(ValidatableResponse response, int status, String code, String param, String message) {
        response.statusCode(status).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo(code))
                .body("error.param", equalTo(param));
        if (message != null) {
            response.body("error.message", equalTo(message));
        }
    }
}
