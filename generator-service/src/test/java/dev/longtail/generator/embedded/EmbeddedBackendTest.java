package dev.longtail.generator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.longtail.contracts.TrainingText;
import dev.longtail.core.evolution.ContentWords;
import dev.longtail.core.lm.RetrievalInterpolatedModel;
import dev.longtail.generator.Fixtures;
import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.backend.ChatMessage;
import dev.longtail.generator.backend.CompletionRequest;
import dev.longtail.generator.backend.SamplingSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The embedded backend listens to the instruction: its answers take the words of the nearest training records. */
class EmbeddedBackendTest {

    private static final String COOKING = "Explain how to cook a quick tomato sauce with garlic and onions.";
    private static final String ASTRONOMY = "Explain why the moon and the stars look different at night.";
    private static final int SEEDS = 200;

    @Test
    void shouldAnswerACookingAndAnAstronomyInstructionEachWithItsOwnCategorysWords() {
        EmbeddedBackend backend = backend(8, 0.5);
        RetrievalInterpolatedModel model = backend.train(Fixtures.trainingCorpus());
        Set<String> cooking = onlyIn(0, 6);
        Set<String> astronomy = onlyIn(24, 30);

        double cookingWordsForCooking = share(backend, model, COOKING, cooking);
        double cookingWordsForAstronomy = share(backend, model, ASTRONOMY, cooking);
        double astronomyWordsForAstronomy = share(backend, model, ASTRONOMY, astronomy);
        double astronomyWordsForCooking = share(backend, model, COOKING, astronomy);

        String shares = "cooking words %.3f for cooking vs %.3f for astronomy; astronomy words %.3f vs %.3f".formatted(
                cookingWordsForCooking, cookingWordsForAstronomy, astronomyWordsForAstronomy, astronomyWordsForCooking);
        assertTrue(cookingWordsForCooking > 2 * cookingWordsForAstronomy && cookingWordsForCooking
                > cookingWordsForAstronomy + 0.1, shares);
        assertTrue(astronomyWordsForAstronomy > 2 * astronomyWordsForCooking && astronomyWordsForAstronomy
                > astronomyWordsForCooking + 0.1, shares);
    }

    @Test
    void shouldAnswerEveryInstructionAlikeWithoutRetrievalAsThePlainModelDid() {
        for (EmbeddedBackend backend : List.of(backend(0, 0.5), backend(8, 0.0))) {
            RetrievalInterpolatedModel model = backend.train(Fixtures.trainingCorpus());
            for (long seed = 0; seed < 20; seed++) {
                assertEquals(backend.complete(model, request(COOKING, seed)).text(),
                        backend.complete(model, request(ASTRONOMY, seed)).text());
            }
            assertEquals("kneser-ney-3", backend.model());
        }
    }

    @Test
    void shouldNameTheRetrievalInTheModelAndReproduceASampleFromItsSeed() {
        EmbeddedBackend backend = backend(8, 0.5);
        RetrievalInterpolatedModel model = backend.train(Fixtures.trainingCorpus());

        assertEquals("kneser-ney-3+knn8", backend.model());
        assertEquals(backend.complete(model, request(COOKING, 7)).text(), backend.complete(model, request(COOKING, 7)).text());
        assertNotEquals(backend.complete(model, request(COOKING, 7)).text(), backend.complete(model, request(ASTRONOMY, 7)).text());
    }

    @Test
    void shouldRefuseAWeightOfOneOrMore() {
        assertThrows(IllegalArgumentException.class, () -> backend(8, 1.0));
    }

    /** Share of the response content words (over every seed) that belong to the given set. */
    private static double share(EmbeddedBackend backend, RetrievalInterpolatedModel model, String instruction,
            Set<String> words) {
        long in = 0;
        long all = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            for (String word : ContentWords.of(backend.complete(model, request(instruction, seed)).text())) {
                all++;
                in += words.contains(word) ? 1 : 0;
            }
        }
        return all == 0 ? 0 : (double) in / all;
    }

    private static CompletionRequest request(String instruction, long seed) {
        // the response template's user message is exactly the instruction and its input
        return new CompletionRequest(List.of(ChatMessage.system("Answer directly."), ChatMessage.user(instruction)),
                instruction, new SamplingSettings(1.0, 0.95, 40, seed), false);
    }

    private static EmbeddedBackend backend(int neighbours, double weight) {
        GeneratorConfig config = new SmallRyeConfigBuilder()
                .withMapping(GeneratorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("longtail.generator.embedded.retrieval.neighbours", String.valueOf(neighbours))
                .withDefaultValue("longtail.generator.embedded.retrieval.weight", String.valueOf(weight))
                .build()
                .getConfigMapping(GeneratorConfig.class);
        return new EmbeddedBackend(config);
    }

    /**
     * Content words of the responses of the fixture's records [from, to) (one category: 6 records each, cooking
     * first, astronomy last) that no other record's response contains.
     */
    private static Set<String> onlyIn(int from, int to) {
        List<TrainingText> texts = Fixtures.trainingCorpus();
        Set<String> own = new HashSet<>();
        Set<String> others = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            (i >= from && i < to ? own : others).addAll(ContentWords.of(texts.get(i).output()));
        }
        own.removeAll(others);
        return own;
    }
}
