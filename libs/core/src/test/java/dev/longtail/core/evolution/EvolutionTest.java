package dev.longtail.core.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.dedup.TextFingerprint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvolutionTest {

    private static final List<Seed> POOL = EvolutionFixtures.POOL;

    private static final EvolutionContext CONTEXT = EvolutionContext.of(POOL);

    private static final EvolutionElimination ELIMINATION = EvolutionElimination.standard();


    @Test
    void shouldAddARequirementThatChangesTheInstructionWithoutLeaking() {
        AddConstraintsOperator op = new AddConstraintsOperator();
        assertEquals("add-constraints", op.name());
        assertEquals(OperatorKind.IN_DEPTH, op.kind());
        SplittableRandom rng = new SplittableRandom(1);
        for (Seed parent : POOL) {
            for (int i = 0; i < 20; i++) {
                String evolved = op.evolve(parent, CONTEXT, rng).orElseThrow().instruction();
                assertTrue(evolved.startsWith(parent.instruction()), evolved);
                assertTrue(evolved.length() > parent.instruction().length());
                assertEquals(Optional.empty(), ELIMINATION.reasonToEliminate(parent, Rewrite.ofInstruction(evolved, parent)), evolved);
            }
        }
    }

    @Test
    void shouldNotAddAConstraintToAnEmptyInstruction() {
        assertTrue(new AddConstraintsOperator().evolve(EvolutionFixtures.seed("x", "science", " "), CONTEXT, new SplittableRandom(1))
                .isEmpty());
    }

    @Test
    void shouldNeverAppendARequirementAlreadyPresent() {
        AddConstraintsOperator op = new AddConstraintsOperator();
        Seed parent = EvolutionFixtures.seed("x", "science", "Explain the reasoning step by step.");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            Optional<Rewrite> evolved = op.evolve(parent, CONTEXT, rng);
            evolved.ifPresent(e -> assertEquals(1, e.instruction().split("step by step", -1).length - 1, e.instruction()));
        }
    }

    @Test
    void shouldShiftTheTopicWithWordsFromTheSameCategory() {
        TopicShiftOperator op = new TopicShiftOperator();
        assertEquals("topic-shift", op.name());
        assertEquals(OperatorKind.IN_BREADTH, op.kind());
        Seed parent = POOL.get(0);
        Set<String> scienceWords = new HashSet<>();
        for (Seed s : POOL.subList(1, 4)) {
            scienceWords.addAll(ContentWords.of(s.instruction()));
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 30; i++) {
            String evolved = op.evolve(parent, CONTEXT, rng).orElseThrow().instruction();
            assertNotEquals(parent.instruction(), evolved);
            assertTrue(evolved.startsWith("Explain"), "keeps the frame: " + evolved);
            assertTrue(evolved.endsWith("."), evolved);
            List<String> added = new ArrayList<>(ContentWords.of(evolved));
            added.removeAll(ContentWords.of(parent.instruction()));
            assertFalse(added.isEmpty());
            assertTrue(scienceWords.containsAll(added), added + " from " + evolved);
            assertEquals(Optional.empty(), ELIMINATION.reasonToEliminate(parent, Rewrite.ofInstruction(evolved, parent)));
        }
    }

    @Test
    void shouldNotShiftTheTopicWithoutADonorInTheCategory() {
        assertTrue(new TopicShiftOperator().evolve(POOL.get(7), CONTEXT, new SplittableRandom(1)).isEmpty());
    }

    @Test
    void shouldUseOnlyTopicShiftWhenInBreadthShareIsOne() {
        GenerationDraft draft = Evolution.standard().evolve(POOL, 10, 1.0, 5);
        assertFalse(draft.evolved().isEmpty());
        assertTrue(draft.evolved().stream().allMatch(e -> e.operator().equals("topic-shift") && e.kind() == OperatorKind.IN_BREADTH));
        GenerationDraft depth = Evolution.standard().evolve(POOL, 10, 0.0, 5);
        assertEquals(10, depth.evolved().size());
        assertTrue(depth.evolved().stream().allMatch(e -> e.operator().equals("add-constraints")));
    }

    @Test
    void shouldEvolveDeterministicallyAndWithoutRepeats() {
        GenerationDraft a = Evolution.standard().evolve(POOL, 20, 0.5, 11);
        GenerationDraft b = Evolution.standard().evolve(POOL, 20, 0.5, 11);
        assertEquals(a, b);
        assertEquals(20, a.evolved().size());
        Set<String> fingerprints = new HashSet<>();
        for (EvolvedDraft e : a.evolved()) {
            assertTrue(fingerprints.add(TextFingerprint.of(e.instruction())), "repeated: " + e.instruction());
            assertEquals(e.parent().category(), e.category());
        }
        assertEquals(a.eliminated(), a.eliminatedByReason().values().stream().mapToInt(Integer::intValue).sum());
        assertNotEquals(a, Evolution.standard().evolve(POOL, 20, 0.5, 12));
    }

    @Test
    void shouldFavourRareCategoriesWhenPickingParents() {
        EvolutionOperator numbering = EvolutionFixtures.numbering();
        GenerationDraft draft = new Evolution(List.of(numbering)).evolve(POOL, 4000, 0.0, 3);
        long poetry = draft.evolved().stream().filter(e -> e.category().equals("poetry")).count();
        long science = draft.evolved().stream().filter(e -> e.category().equals("science")).count();
        // weights 1/sqrt(size): science 4 x 1/2 = 2, cooking 2 x 0.707 = 1.41, history 1, poetry 1 (total 5.41):
        // poetry about 0.185 and science 0.37 of the draws, against 0.125 and 0.5 when drawn uniformly
        assertEquals(4000 * 1 / 5.414, poetry, 100);
        assertEquals(4000 * 2 / 5.414, science, 120);
    }

    @Test
    void shouldSplitPerCategoryAndKeepEveryCategoryInTheReference() {
        ReferenceSplit.Split split = ReferenceSplit.split(POOL, 0.25, 9);
        assertEquals(split, ReferenceSplit.split(POOL, 0.25, 9));
        assertEquals(1, split.heldOut().size()); // only science has >= 3 seeds: max(1, round(0.25*4)) = 1
        assertEquals("science", split.heldOut().get(0).category());
        Set<String> categories = new HashSet<>();
        split.reference().forEach(s -> categories.add(s.category()));
        assertEquals(Set.of("science", "cooking", "history", "poetry"), categories);
        assertEquals(POOL.size(), split.reference().size() + split.heldOut().size());
    }
}
