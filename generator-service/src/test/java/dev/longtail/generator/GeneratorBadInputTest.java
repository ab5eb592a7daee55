package dev.longtail.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.support.testing.BadInputSuite;
import dev.longtail.support.testing.BadRequests;
import dev.longtail.support.testing.TableSnapshot;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the generator under generated bad input: its own API answers a 4xx problem, the
 * OpenAI-compatible one a 4xx in OpenAI's error shape; never a 5xx, and no table changes.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class GeneratorBadInputTest extends BadInputSuite {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String service() {
        return "generator";
    }

    private static String generation() throws Exception {
        var corpus = Fixtures.trainingCorpus().stream().limit(20)
                .map(t -> Map.of("instruction", t.instruction(), "input", t.input(), "output", t.output())).toList();
        var body = new HashMap<String, Object>();
        body.put("trainingCorpus", corpus);
        body.put("instructions", List.of("Explain how tides work."));
        body.put("count", 1);
        body.put("templateVersion", 1);
        body.put("sampling", Map.of("temperature", 1.0, "topP", 0.9, "maxTokens", 20, "randomSeed", 1));
        return JSON.writeValueAsString(body);
    }

    @Test
    void shouldRejectEveryBadGenerationWithAProblem() throws Exception {
        bad.rejectsEveryBadBody("POST", "/api/v1/generate", generation(),
                List.of("count", "templateVersion", "sampling.maxTokens"), dataSource);
    }

    @Test
    void shouldRejectEveryBadGenerationJobWithAProblemAndQueueNothing() throws Exception {
        bad.rejectsEveryBadBody("POST", "/api/v1/generation-jobs", generation(),
                List.of("count", "templateVersion", "sampling.maxTokens"), dataSource);
    }

    @Test
    void shouldRejectEveryBadGenerationSettingWithAProblem() {
        String campaign = UUID.randomUUID().toString();
        bad.rejectsEveryBadBody("PUT", "/api/v1/campaigns/" + campaign + "/generation-settings",
                "{\"backend\":\"embedded\",\"templateVersion\":1}", List.of("templateVersion"), dataSource);
        for (String backend : List.of("no-such-backend", "x".repeat(129))) {
            bad.expectRejected("PUT", "/api/v1/campaigns/" + campaign + "/generation-settings",
                    new BadRequests.Case("unknown id", "application/json",
                            ("{\"backend\":\"" + backend + "\"}").getBytes()));
        }
    }

    @Test
    void shouldRejectEveryBadCompletionInOpenAisErrorShape() throws Exception {
        var openAi = bad.withHeader("Authorization", "Bearer " + OpenAiBackendsTestResource.SERVED_KEY);
        // read leniently by design (@LenientJson: OpenAI clients send unknown fields, numbers for flags and any
        // content type; text after the JSON is dropped), and a prompt is never stored: only what no reading can
        // accept is checked here
        java.util.function.Predicate<BadRequests.Case> applies = c -> List.of("invalid UTF-8",
                "raw control character", "bad count").contains(c.kind());
        String chat = JSON.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user",
                "content", "Describe how to sow carrot seeds.")), "max_tokens", 8, "n", 1, "seed", 3));
        String completion = JSON.writeValueAsString(Map.of("prompt", "Describe how to sow carrot seeds.",
                "max_tokens", 8, "n", 1, "seed", 3));
        openAi.rejectsEveryBadBody("POST", "/v1/chat/completions", chat, List.of("max_tokens", "n"), dataSource,
                applies, "application/json");
        openAi.rejectsEveryBadBody("POST", "/v1/completions", completion, List.of("max_tokens", "n"), dataSource,
                applies, "application/json");
    }

    @Test
    void shouldAnswerUnknownIdsAndBadQueriesOfEveryReadEndpointWithAProblem() {
        TableSnapshot before = TableSnapshot.of(dataSource);
        for (String id : BadRequests.unknownIds(BadRequests.PER_KIND)) {
            String e = BadRequests.encode(id);
            for (String path : List.of("/api/v1/generation-jobs/" + e, "/api/v1/generation-jobs/" + e + "/samples",
                    "/api/v1/backends/" + e, "/api/v1/backends/" + e + "/health")) {
                bad.expectRejected("GET", path, null);
            }
            bad.expectRejected("DELETE", "/api/v1/generation-jobs/" + e, null);
            if (id.length() > 64) {
                // any campaign id of up to 64 characters may be given settings before its first plan arrives
                bad.expectRejected("PUT", "/api/v1/campaigns/" + e + "/generation-settings",
                        new BadRequests.Case("unknown id", "application/json", "{\"backend\":\"embedded\"}".getBytes()));
            }
        }
        String job = UUID.randomUUID().toString();
        for (String count : BadRequests.badCounts(BadRequests.PER_KIND)) {
            bad.expectRejected("GET", "/api/v1/generation-jobs/" + job + "/samples?limit=" + count, null);
            if (count.startsWith("-")) {
                bad.expectRejected("GET", "/api/v1/generation-jobs/" + job + "/samples?offset=" + count, null);
            }
        }
        assertEquals(before, TableSnapshot.of(dataSource));
    }
}
