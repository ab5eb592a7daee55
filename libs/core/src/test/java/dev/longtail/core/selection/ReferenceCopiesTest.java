package dev.longtail.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCopiesTest {

    private static final List<String> REAL = Tokenizer.tokenize(
            "Homarus gammarus is a large crustacean with a body length up to sixty centimetres and a mass of six kilograms .");
    private final ReferenceCopies copies = new ReferenceCopies(List.of(REAL,
            Tokenizer.tokenize("Mating occurs in the summer and the eggs are carried by the females for up to a year .")), 5, 0.8);

    @Test
    void shouldCountAnExactCopyOfARealLineAsReal() {
        assertEquals(1.0, copies.closestSimilarity(REAL), 1e-12);
        assertTrue(copies.copiesReference(REAL));
    }

    @Test
    void shouldCountANearCopyAboveTheThresholdAsReal() {
        // the last word changed: 15 of the 16 word five-grams kept, Jaccard 15/17 ≈ 0.88
        List<String> near = Tokenizer.tokenize(
                "Homarus gammarus is a large crustacean with a body length up to sixty centimetres and a mass of six kilos .");
        assertTrue(copies.closestSimilarity(near) >= 0.8, "similarity " + copies.closestSimilarity(near));
        assertTrue(copies.copiesReference(near));
    }

    @Test
    void shouldCompareWordsOnlySoThatChangedPunctuationStillCopies() {
        List<String> repunctuated = Tokenizer.tokenize(
                "Homarus gammarus is a large crustacean , with a body length up to sixty centimetres and a mass of six kilograms !");
        assertEquals(1.0, copies.closestSimilarity(repunctuated), 1e-12);
    }

    @Test
    void shouldNotCountARecombinationAsReal() {
        List<String> mixed = Tokenizer.tokenize(
                "Homarus gammarus is a large crustacean and the eggs are carried by the females for up to a year .");
        assertFalse(copies.copiesReference(mixed));
        assertFalse(copies.copiesReference(List.of()));
    }
}
