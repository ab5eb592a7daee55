package dev.longtail.core.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionIndexTest {

    // content words: {bake, sourdough, bread, home}, {bake, chocolate, cake}, {moon, phases}, {phases, moon, tides}
    private static final InstructionIndex INDEX = new InstructionIndex(List.of(
            "Explain how to bake sourdough bread at home.",
            "Describe how to bake a chocolate cake.",
            "Explain why the moon has phases.",
            "Describe the phases of the moon and the tides."));

    @Test
    void shouldRetrieveTheRecordsWithTheHighestJaccardSimilarityOfContentWords() {
        // query {bake, bread}: record 0 shares 2 of a union of 4, record 1 shares 1 of 4, the others nothing
        var nearest = INDEX.nearest("How do I bake bread?", 3);

        assertEquals(List.of(new InstructionIndex.Neighbour(0, 0.5), new InstructionIndex.Neighbour(1, 0.25)), nearest);
    }

    @Test
    void shouldRankAnIdenticalContentWordSetFirstAndKeepOnlyK() {
        // query {moon, phases}: record 2 is the same set (1.0), record 3 shares 2 of 3
        assertEquals(List.of(new InstructionIndex.Neighbour(2, 1.0)), INDEX.nearest("Phases of the moon?", 1));
        assertEquals(2.0 / 3, INDEX.nearest("Phases of the moon?", 4).get(1).jaccard(), 1e-12);
    }

    @Test
    void shouldBreakTiesByRecordPosition() {
        var index = new InstructionIndex(List.of("Name a red fruit.", "Name a green fruit.", "Name a yellow fruit."));

        var nearest = index.nearest("Which fruit?", 3);

        assertEquals(List.of(0, 1, 2), nearest.stream().map(InstructionIndex.Neighbour::record).toList());
    }

    @Test
    void shouldRetrieveNothingForAnInstructionWithoutSharedContentWordsOrForKZero() {
        assertTrue(INDEX.nearest("Translate this sentence into French.", 5).isEmpty());
        assertTrue(INDEX.nearest("Why?", 5).isEmpty());
        assertTrue(INDEX.nearest("How do I bake bread?", 0).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> INDEX.nearest("bread", -1));
    }
}
