package dev.longtail.core.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The LLM form of every operator against a scripted chat model: the prompt it sends, and what it makes of replies. */
class PromptedOperatorsTest {

    private static final List<Seed> POOL = List.of(
            new Seed("1", "science", "Explain how photosynthesis works in green plants.", "", "An answer."),
            new Seed("2", "science", "Describe the water cycle and the role of evaporation.", "", "An answer."),
            new Seed("3", "cooking", "Write a recipe for a simple tomato soup.", "", "An answer."));

    private static final EvolutionContext CONTEXT = new EvolutionContext(POOL, List.of("tidal locking"));

    /** A chat model that answers from a script and remembers every prompt and seed. */
    private static final class ScriptedModel implements ChatModel {
        final List<String> prompts = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        final Function<String, String> script;

        ScriptedModel(Function<String, String> script) {
            this.script = script;
        }

        @Override
        public String reply(String prompt, long randomSeed) {
            prompts.add(prompt);
            seeds.add(randomSeed);
            return script.apply(prompt);
        }
    }

    static List<String> operators() {
        return OperatorCatalog.names();
    }

    private static EvolutionOperator prompted(String name, ChatModel model, boolean probe) {
        return OperatorCatalog.prompted(List.of(name), "v1", model, probe).get(0);
    }

    @ParameterizedTest
    @MethodSource("operators")
    void shouldEvolveThroughItsVersionedTemplateAndRecordTheVersion(String name) {
        ScriptedModel model = new ScriptedModel(prompt -> prompt.startsWith("Explain how photosynthesis in desert")
                ? "Photosynthesis turns light into chemical energy in chloroplasts, over two stages."
                : "Explain how photosynthesis in desert succulents differs at night, with two examples.");
        EvolutionOperator op = prompted(name, model, true);
        assertEquals(OperatorCatalog.rules(List.of(name)).get(0).kind(), op.kind(), "same kind as the rule form");
        Rewrite rewrite = op.evolve(POOL.get(0), CONTEXT, new SplittableRandom(1)).orElseThrow();
        assertEquals("Explain how photosynthesis in desert succulents differs at night, with two examples.",
                rewrite.instruction());
        assertEquals(name + ".v1", rewrite.templateVersion());
        assertTrue(model.prompts.get(0).contains("Explain how photosynthesis works in green plants."), model.prompts.get(0));
        assertTrue(model.prompts.get(0).contains("science"), "the category is in the prompt");
        assertTrue(!model.prompts.get(0).contains("{{"), "every slot filled");
        assertEquals(rewrite.instruction(), model.prompts.get(1), "the probe asks the model to answer the evolution");
        assertTrue(rewrite.response().startsWith("Photosynthesis turns light"));
        assertEquals(Optional.empty(), EvolutionElimination.standard().reasonToEliminate(POOL.get(0), rewrite));
        if (name.equals("crossover")) {
            assertTrue(model.prompts.get(0).contains("Describe the water cycle"), "the co-parent is in the prompt");
        }
        if (name.equals("tail-mutation")) {
            assertTrue(model.prompts.get(0).contains("tidal locking"), "the donor words are in the prompt");
        }
    }

    @ParameterizedTest
    @MethodSource("operators")
    void shouldHaveItsEvolutionEliminatedWhenTheModelRefusesOrCopiesThePrompt(String name) {
        ScriptedModel refusing = new ScriptedModel(prompt -> prompt.contains("Prompt")
                ? "Explain how photosynthesis works in cacti at night." : "Sorry, I cannot answer that question.");
        Rewrite refused = prompted(name, refusing, true).evolve(POOL.get(0), CONTEXT, new SplittableRandom(2)).orElseThrow();
        assertEquals(Optional.of(EvolutionElimination.SORRY_SHORT),
                EvolutionElimination.standard().reasonToEliminate(POOL.get(0), refused));
        ScriptedModel copying = new ScriptedModel(prompt -> "#Rewritten Prompt#: Explain photosynthesis in cacti.");
        Rewrite copied = prompted(name, copying, false).evolve(POOL.get(0), CONTEXT, new SplittableRandom(2)).orElseThrow();
        assertEquals(Optional.of(EvolutionElimination.COPIED_PROMPT_WORDS),
                EvolutionElimination.standard().reasonToEliminate(POOL.get(0), copied));
    }

    @Test
    void shouldReadAnInputAfterTheInstructionAndDropAnEchoedLabel() {
        ScriptedModel model = new ScriptedModel(prompt -> "Instruction: Summarise the table below.\nInput: | a | b |");
        Rewrite rewrite = prompted("complicate-input", model, false)
                .evolve(POOL.get(0), CONTEXT, new SplittableRandom(3)).orElseThrow();
        assertEquals("Summarise the table below.", rewrite.instruction());
        assertEquals("| a | b |", rewrite.input());
        assertEquals(rewrite.response(), "Instruction: Summarise the table below.\nInput: | a | b |",
                "without probing, the rules judge the rewrite's own reply");
    }

    @Test
    void shouldNotAskTheModelForACrossoverWithoutACoParent() {
        ScriptedModel model = new ScriptedModel(prompt -> "never asked");
        Seed alone = POOL.get(0);
        assertTrue(prompted("crossover", model, false).evolve(alone, EvolutionContext.of(List.of(alone)),
                new SplittableRandom(1)).isEmpty());
        assertTrue(model.prompts.isEmpty());
    }

    @Test
    void shouldCountABackendFailureAsAFailedEvolutionOfItsOperator() {
        ChatModel down = (prompt, seed) -> {
            throw new ChatModel.ChatFailure("connection refused", null);
        };
        GenerationDraft draft = new Evolution(OperatorCatalog.prompted(List.of("deepen"), "v1", down, false))
                .evolve(POOL, 2, 0.0, 9);
        assertTrue(draft.evolved().isEmpty());
        assertEquals(Map.of(Evolution.BACKEND_ERROR, 10), draft.eliminatedByReason());
        assertEquals(Map.of("deepen", Map.of(Evolution.BACKEND_ERROR, 10)), draft.eliminatedByOperator());
    }

    @Test
    void shouldDrawTheModelsSeedsFromTheEvolutionSeed() {
        ScriptedModel a = new ScriptedModel(prompt -> "Explain photosynthesis in moss " + prompt.length() + ".");
        ScriptedModel b = new ScriptedModel(prompt -> "Explain photosynthesis in moss " + prompt.length() + ".");
        new Evolution(OperatorCatalog.prompted(List.of("deepen"), "v1", a, false)).evolve(POOL, 2, 0.0, 4);
        new Evolution(OperatorCatalog.prompted(List.of("deepen"), "v1", b, false)).evolve(POOL, 2, 0.0, 4);
        assertEquals(a.seeds, b.seeds);
        assertEquals(a.prompts, b.prompts);
    }

    @Test
    void shouldRefuseATemplateWithAnUnfilledSlotAndAnUnknownVersion() {
        PromptTemplate deepen = PromptTemplate.load("deepen", "v1");
        assertEquals("deepen.v1", deepen.id());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> deepen.fill(Map.of("instruction", "x")));
        assertEquals("a {{input}} b", new PromptTemplate("t", "v1", "a {{instruction}} b")
                .fill(Map.of("instruction", "{{input}}")), "a value is never read as a slot");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.load("deepen", "v99"));
    }
}
