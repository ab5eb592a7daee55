package dev.longtail.core.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The embedded rule form of every operator: what each makes of a parent, and when it declines. */
class RuleOperatorsTest {

    private static final List<Seed> POOL = EvolutionFixtures.POOL;

    private static final EvolutionContext CONTEXT = EvolutionContext.of(POOL);

    private static final EvolutionElimination ELIMINATION = EvolutionElimination.standard();


    /** Evolves every pool seed 20 times and checks each rewrite survives elimination. */
    private static void assertSoundRewrites(EvolutionOperator op, java.util.function.BiConsumer<Seed, Rewrite> check) {
        SplittableRandom rng = new SplittableRandom(7);
        for (Seed parent : POOL) {
            for (int i = 0; i < 20; i++) {
                Optional<Rewrite> rewrite = op.evolve(parent, CONTEXT, rng);
                if (rewrite.isEmpty()) {
                    continue;
                }
                assertEquals(Optional.empty(), ELIMINATION.reasonToEliminate(parent, rewrite.get()),
                        rewrite.get().instruction());
                assertNull(rewrite.get().templateVersion(), "a rule records no template");
                check.accept(parent, rewrite.get());
            }
        }
    }

    @Test
    void shouldDeepenTheInquiryWithAQuestionAboutOneOfTheParentsTopics() {
        DeepenOperator op = new DeepenOperator();
        assertEquals(OperatorKind.IN_DEPTH, op.kind());
        assertSoundRewrites(op, (parent, rewrite) -> {
            assertTrue(rewrite.instruction().startsWith(parent.instruction()), rewrite.instruction());
            assertTrue(rewrite.instruction().length() > parent.instruction().length() + 20);
        });
    }

    @Test
    void shouldNotDeepenAnEmptyInstructionNorRepeatADeepening() {
        assertTrue(new DeepenOperator().evolve(EvolutionFixtures.seed("x", "science", "  "), CONTEXT, new SplittableRandom(1)).isEmpty());
        Seed deepened = EvolutionFixtures.seed("y", "science", "Explain tides. Describe the second-order effects of tides.");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            new DeepenOperator().evolve(deepened, CONTEXT, rng).ifPresent(r ->
                    assertEquals(1, r.instruction().split("second-order effects", -1).length - 1, r.instruction()));
        }
    }

    @Test
    void shouldConcretizeOneTopicWithASpecificCase() {
        assertSoundRewrites(new ConcretizeOperator(), (parent, rewrite) -> {
            String added = rewrite.instruction().substring(parent.instruction().length());
            assertTrue(ContentWords.of(parent.instruction()).stream().anyMatch(added::contains), added);
            assertFalse(added.contains("%"), added);
        });
    }

    @Test
    void shouldNotConcretizeAnInstructionWithoutATopic() {
        assertTrue(new ConcretizeOperator().evolve(EvolutionFixtures.seed("x", "misc", "Explain it to me."), CONTEXT,
                new SplittableRandom(1)).isEmpty());
    }

    @Test
    void shouldAskForExplicitStepsAroundTheParentsTask() {
        assertSoundRewrites(new IncreaseReasoningOperator(), (parent, rewrite) -> {
            String text = rewrite.instruction();
            assertTrue(text.startsWith("First, "), text);
            assertTrue(text.contains(" Then " + Character.toLowerCase(parent.instruction().charAt(0))
                    + parent.instruction().substring(1)), text);
            assertTrue(text.contains(" Finally, "), text);
        });
    }

    @Test
    void shouldNotAddStepsToAnInstructionThatAlreadyHasThem() {
        Seed stepped = EvolutionFixtures.seed("x", "science", "First, define tides. Then explain them. Finally, summarise.");
        assertTrue(new IncreaseReasoningOperator().evolve(stepped, CONTEXT, new SplittableRandom(1)).isEmpty());
    }

    @Test
    void shouldPutStructuredDataAboutTheTopicsInTheInput() {
        assertSoundRewrites(new ComplicateInputOperator(), (parent, rewrite) -> {
            assertTrue(rewrite.instruction().endsWith("Use every item of the data in the input."), rewrite.instruction());
            assertTrue(rewrite.input().startsWith("| topic |") || rewrite.input().startsWith("[{"), rewrite.input());
            String topic = ContentWords.slots(parent.instruction()).isEmpty() ? ContentWords.of(parent.instruction()).get(0)
                    : ContentWords.slots(parent.instruction()).get(0);
            assertTrue(rewrite.input().contains(topic), rewrite.input());
        });
        Seed withInput = new Seed("z", "cooking", "Rewrite this recipe step for a beginner.", "Deglaze the pan.", "x");
        Rewrite rewrite = new ComplicateInputOperator().evolve(withInput, CONTEXT, new SplittableRandom(3)).orElseThrow();
        assertTrue(rewrite.input().startsWith("Deglaze the pan.\n\n"), "keeps the parent's input: " + rewrite.input());
    }

    @Test
    void shouldNotComplicateAnInputTwice() {
        Seed complicated = EvolutionFixtures.seed("x", "science", "Explain tides. Use every item of the data in the input.");
        assertTrue(new ComplicateInputOperator().evolve(complicated, CONTEXT, new SplittableRandom(1)).isEmpty());
    }

    @Test
    void shouldCrossTheParentWithTheTopicOfAnotherSeedOfItsCategory() {
        CrossoverOperator op = new CrossoverOperator();
        assertEquals(OperatorKind.IN_BREADTH, op.kind());
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 30; i++) {
            Rewrite rewrite = op.evolve(POOL.get(0), CONTEXT, rng).orElseThrow();
            String text = rewrite.instruction();
            assertTrue(text.startsWith("Explain how photosynthesis works in green plants"), text);
            boolean fromScience = POOL.subList(1, 4).stream().anyMatch(s -> ContentWords.of(s.instruction()).stream()
                    .anyMatch(text::contains));
            assertTrue(fromScience, "a science co-parent's topic: " + text);
            assertEquals(Optional.empty(), ELIMINATION.reasonToEliminate(POOL.get(0), rewrite));
        }
    }

    @Test
    void shouldNotCrossASeedWithoutAnyOtherSeed() {
        Seed alone = POOL.get(0);
        assertTrue(new CrossoverOperator().evolve(alone, EvolutionContext.of(List.of(alone)), new SplittableRandom(1))
                .isEmpty());
    }

    @Test
    void shouldPutADonorWordOfTheGapIntoTheParent() {
        EvolutionContext gaps = new EvolutionContext(POOL, List.of("tidal locking", "chlorophyll"));
        TailMutationOperator op = new TailMutationOperator();
        SplittableRandom rng = new SplittableRandom(5);
        int rarest = 0;
        for (int i = 0; i < 60; i++) {
            Rewrite rewrite = op.evolve(POOL.get(1), gaps, rng).orElseThrow();
            assertTrue(rewrite.instruction().contains("tidal locking") || rewrite.instruction().contains("chlorophyll"),
                    rewrite.instruction());
            rarest += rewrite.instruction().contains("tidal locking") ? 1 : 0;
            assertEquals(Optional.empty(), ELIMINATION.reasonToEliminate(POOL.get(1), rewrite));
        }
        assertTrue(rarest > 30, "the first donor (rarest) is drawn twice as often: " + rarest);
    }

    @Test
    void shouldFallBackToThePoolsRareWordsWithoutGapDonors() {
        Rewrite rewrite = new TailMutationOperator().evolve(POOL.get(0), CONTEXT, new SplittableRandom(6)).orElseThrow();
        List<String> added = new java.util.ArrayList<>(ContentWords.of(rewrite.instruction()));
        added.removeAll(ContentWords.of(POOL.get(0).instruction()));
        assertEquals(1, added.size(), rewrite.instruction());
        assertEquals(1, ContentWords.documentFrequency(POOL).get(added.get(0)), "a word of one seed only");
    }

    @Test
    void shouldNotMutateWithoutAnyRareWord() {
        Seed alone = POOL.get(0);
        assertTrue(new TailMutationOperator().evolve(alone, EvolutionContext.of(List.of(alone)), new SplittableRandom(1))
                .isEmpty());
    }

    @Test
    void shouldNameEveryOperatorInTheCatalogueAndRejectUnknownOnes() {
        assertEquals(List.of("add-constraints", "deepen", "concretize", "increase-reasoning", "complicate-input",
                "topic-shift", "crossover", "tail-mutation"), OperatorCatalog.names());
        for (EvolutionOperator op : OperatorCatalog.rules(OperatorCatalog.names())) {
            assertTrue(OperatorCatalog.has(op.name()));
        }
        assertEquals(List.of("mutate-wildly"), OperatorCatalog.unknown(List.of("deepen", "mutate-wildly")));
        assertEquals(List.of("add-constraints", "topic-shift"), OperatorCatalog.DEFAULT_SET);
    }
}
