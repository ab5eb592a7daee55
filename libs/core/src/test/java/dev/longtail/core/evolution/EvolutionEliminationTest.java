package dev.longtail.core.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WizardLM's four elimination rules and Longtail's own checks, each failing and passing an evolution. */
class EvolutionEliminationTest {

    private static final Seed PARENT = new Seed("p", "science", "Explain how photosynthesis works in green plants.", "",
            "An answer.");

    private static final EvolutionElimination RULES = EvolutionElimination.standard();

    private static Optional<String> verdict(String instruction) {
        return RULES.reasonToEliminate(PARENT, Rewrite.ofInstruction(instruction, PARENT));
    }

    private static Optional<String> verdictWithResponse(String instruction, String response) {
        return RULES.reasonToEliminate(PARENT, new Rewrite(instruction, "", response, "deepen.v1"));
    }

    @Test
    void shouldEliminateAnEvolutionWithoutInformationGainByRougeL() {
        assertEquals(Optional.of("no-information-gain"),
                verdict("Please explain how photosynthesis works in green plants."));
        assertEquals(Optional.of("no-information-gain"),
                verdict("Explain how photosynthesis works in all green plants."));
    }

    @Test
    void shouldKeepAnEvolutionThatAddsARequirement() {
        assertEquals(Optional.empty(), verdict("Explain how photosynthesis works in green plants. Give 3 distinct reasons."));
        assertEquals(Optional.empty(), verdict("Explain how photosynthesis works in algae."));
    }

    @Test
    void shouldJudgeInformationGainByEmbeddingSimilarity() {
        EvolutionElimination byMeaning = new EvolutionElimination(new EmbeddingGainJudge(new BagOfWords(), 0.9));
        assertEquals(Optional.of("no-information-gain"), byMeaning.reasonToEliminate(PARENT,
                Rewrite.ofInstruction("In green plants, explain how photosynthesis works.", PARENT)));
        assertEquals(Optional.empty(), byMeaning.reasonToEliminate(PARENT,
                Rewrite.ofInstruction("Explain how photosynthesis works in green plants, and contrast it with "
                        + "chemosynthesis in deep-sea vents.", PARENT)));
    }

    @Test
    void shouldJudgeInformationGainByALanguageModelWhenOneIsSet() {
        PromptTemplate judge = PromptTemplate.load(OperatorCatalog.JUDGE_TEMPLATE, "v1");
        List<String> prompts = new ArrayList<>();
        ChatModel sameModel = (prompt, seed) -> {
            prompts.add(prompt);
            return "Equal";
        };
        Rewrite rewrite = Rewrite.ofInstruction("Explain how photosynthesis works in algae, step by step.", PARENT);
        assertEquals(Optional.of("no-information-gain"),
                new EvolutionElimination(new LlmGainJudge(sameModel, judge)).reasonToEliminate(PARENT, rewrite));
        assertTrue(prompts.get(0).contains(PARENT.instruction()) && prompts.get(0).contains(rewrite.instruction()));
        ChatModel differentModel = (prompt, seed) -> "Not Equal";
        assertEquals(Optional.empty(),
                new EvolutionElimination(new LlmGainJudge(differentModel, judge)).reasonToEliminate(PARENT, rewrite));
    }

    @Test
    void shouldEliminateAShortSorryResponse() {
        assertEquals(Optional.of("sorry-short"), verdictWithResponse(
                "Explain how photosynthesis works on the dark side of the moon.",
                "I'm sorry, but I can't answer that: plants do not grow there."));
    }

    @Test
    void shouldKeepALongResponseThatSaysSorryAndARuleWithoutResponse() {
        String longAnswer = "Sorry to disappoint, but the short answer is more nuanced. "
                + "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen. ".repeat(8);
        assertTrue(Tokenizer.wordCount(longAnswer) >= 80);
        assertEquals(Optional.empty(), verdictWithResponse("Explain how photosynthesis works in deep shade.", longAnswer));
        assertEquals(Optional.empty(), verdict("Write a sorry note about photosynthesis failing in green plants."),
                "a rule has no response to judge");
    }

    @Test
    void shouldEliminateAnEvolutionOfStopWordsAndPunctuationOnly() {
        assertEquals(Optional.of("stop-words-only"), verdict("What is it, and why?"));
        assertEquals(Optional.of("stop-words-only"),
                verdictWithResponse("Explain how photosynthesis works at night.", "... it is what it is, and so on."));
    }

    @Test
    void shouldKeepAnEvolutionAndResponseWithContentWords() {
        assertFalse(EvolutionElimination.onlyStopWords("Why is it green?"));
        assertEquals(Optional.empty(), verdictWithResponse("Explain how photosynthesis works at night.",
                "It mostly stops: without light, the light reactions cannot make ATP."));
    }

    @Test
    void shouldEliminateAnEvolutionThatCopiesPromptWords() {
        assertEquals(Optional.of("copied-prompt-words"), verdict("#Rewritten Prompt#: explain photosynthesis"));
        assertEquals(Optional.of("copied-prompt-words"), verdict("Here is the rewritten prompt: explain chlorophyll."));
        assertEquals(Optional.of("copied-prompt-words"), verdict("Building on the given prompt, explain chlorophyll."));
        assertEquals(Optional.of("copied-prompt-words"), verdict("Explain {topic} in detail."));
    }

    @Test
    void shouldKeepAnEvolutionWithDataInBracesInItsInput() {
        Rewrite json = new Rewrite("Explain how photosynthesis works. Use every item of the data in the input.",
                "[{\"topic\": \"chlorophyll\", \"aspect\": \"cause\"}]", null, null);
        assertEquals(Optional.empty(), RULES.reasonToEliminate(PARENT, json));
        assertFalse(EvolutionElimination.copiesPromptWords("Explain how prompts to a model are written."));
    }

    @Test
    void shouldEliminateEmptyUnchangedAndOverlongEvolutions() {
        assertEquals(Optional.of("unchanged"), verdict("explain how PHOTOSYNTHESIS works in green plants"));
        assertEquals(Optional.of("empty"), verdict("  ?! "));
        assertEquals(Optional.of("too-long"), verdict("word ".repeat(121)));
        assertEquals(List.of("no-information-gain", "sorry-short", "stop-words-only", "copied-prompt-words"),
                EvolutionElimination.WIZARDLM_RULES);
    }

    /** A bag-of-words embedder: texts with the same words embed alike, whatever their order. */
    private static final class BagOfWords implements TextEmbedder {

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String text : texts) {
                float[] v = new float[64];
                for (String token : Tokenizer.tokenize(text)) {
                    if (Tokenizer.isWord(token)) {
                        v[Math.floorMod(token.hashCode(), 64)] += 1;
                    }
                }
                out.add(dev.longtail.core.embedding.Vectors.normalised(v));
            }
            return out;
        }
    }
}
