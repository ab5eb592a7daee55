package dev.longtail.generator.openai.server;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.longtail.core.evolution.ChatModel;
import dev.longtail.core.evolution.Evolution;
import dev.longtail.core.evolution.EvolutionContext;
import dev.longtail.core.evolution.EvolutionElimination;
import dev.longtail.core.evolution.EvolutionOperator;
import dev.longtail.core.evolution.GenerationDraft;
import dev.longtail.core.evolution.OperatorCatalog;
import dev.longtail.core.evolution.Rewrite;
import dev.longtail.core.evolution.Seed;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.OpenAiBackendsTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The evolver's LLM form (every operator's versioned prompt, the elimination rules) run against this generator's own
 * {@code POST /v1/chat/completions}, which serves the embedded model: the OpenAI-compatible round trip an evolver
 * configured with {@code longtail.evolver.llm.base-url=http://<generator>/v1} makes. The embedded model is an n-gram
 * model, not an instruction follower, so what it writes is judged by the elimination rules rather than asserted.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class EvolutionOverOwnEndpointTest {

    private static final List<Seed> POOL = List.of(
            new Seed("1", "gardening", "Describe how to sow carrot seeds.", "", "Sow thinly in loose soil."),
            new Seed("2", "gardening", "Explain when to prune apple trees.", "", "Prune in late winter."),
            new Seed("3", "cooking", "Write a recipe for a simple tomato soup.", "", "Simmer tomatoes and onion."));

    /** The served model, asked the way the evolver's OpenAI client asks: one user message, a seed, a bearer key. */
    private static final ChatModel SERVED = (prompt, seed) -> given().contentType(ContentType.JSON)
            .auth().oauth2(OpenAiBackendsTestResource.SERVED_KEY)
            .body(Map.of("model", "kneser-ney-3+knn8", "seed", seed, "max_tokens", 60, "temperature", 0.7,
                    "messages", List.of(Map.of("role", "user", "content", prompt))))
            .when().post("/v1/chat/completions")
            .then().statusCode(200).extract().path("choices[0].message.content");

    @Test
    void shouldEvolveWithEveryOperatorsTemplateThroughTheServedModel() {
        for (EvolutionOperator op : OperatorCatalog.prompted(OperatorCatalog.names(), "v1", SERVED, true)) {
            Rewrite rewrite = op.evolve(POOL.get(0), new EvolutionContext(POOL, List.of("raised beds")),
                    new SplittableRandom(3)).orElseThrow();
            assertFalse(rewrite.instruction().isBlank(), op.name());
            assertEquals(op.name() + ".v1", rewrite.templateVersion());
            assertFalse(rewrite.response().isBlank(), "the probe was answered: " + op.name());
        }
    }

    @Test
    void shouldCountEveryAttemptOfAGenerationThroughTheServedModelWithoutABackendError() {
        GenerationDraft draft = new Evolution(OperatorCatalog.prompted(List.of("deepen", "topic-shift"), "v1", SERVED,
                false)).evolve(POOL, 3, 0.5, 11);
        assertTrue(draft.attempts() >= 3);
        assertFalse(draft.eliminatedByReason().containsKey(Evolution.BACKEND_ERROR), draft.eliminatedByReason().toString());
        Set<String> known = Set.of(EvolutionElimination.EMPTY, EvolutionElimination.COPIED_PROMPT_WORDS,
                EvolutionElimination.STOP_WORDS_ONLY, EvolutionElimination.SORRY_SHORT, EvolutionElimination.UNCHANGED,
                EvolutionElimination.TOO_LONG, EvolutionElimination.NO_INFORMATION_GAIN, Evolution.DUPLICATE);
        assertTrue(known.containsAll(draft.eliminatedByReason().keySet()), draft.eliminatedByReason().toString());
        draft.evolved().forEach(e -> assertTrue(e.templateVersion().endsWith(".v1"), e.toString()));
    }
}
