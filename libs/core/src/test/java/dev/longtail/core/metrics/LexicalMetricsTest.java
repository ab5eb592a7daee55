package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalMetricsTest {

    private static final List<List<String>> CORPUS = NltkReference.texts("corpus.txt");
    private static final List<List<String>> HELD_OUT = NltkReference.texts("heldout.txt");

    @Test
    void shouldEqualTheUnigramDivergenceForUnigrams() {
        assertEquals(UnigramDivergence.jensenShannon(CORPUS, HELD_OUT), NGramStatistics.jensenShannon(CORPUS, HELD_OUT, 1), 1e-12);
    }

    @Test
    void shouldGiveZeroDivergenceForIdenticalAndOneBitForDisjointBigrams() {
        assertEquals(0.0, NGramStatistics.jensenShannon(CORPUS, CORPUS, 2), 1e-12);
        assertEquals(1.0, NGramStatistics.jensenShannon(List.of(List.of("a", "b")), List.of(List.of("c", "d")), 2), 1e-12);
        // P = {ab: 1}, Q = {ab: .5, cd: .5}: ½·ln(1/.75) + ½(.5 ln(.5/.75) + .5 ln 2), in bits
        double expected = (0.5 * Math.log(1 / 0.75) + 0.5 * (0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(2))) / Math.log(2);
        assertEquals(expected, NGramStatistics.jensenShannon(List.of(List.of("a", "b")),
                List.of(List.of("a", "b"), List.of("c", "d")), 2), 1e-12);
    }

    @Test
    void shouldGiveTwoBitsOfEntropyForFourEquallyFrequentBigrams() {
        assertEquals(2.0, NGramStatistics.entropy(List.of(List.of("a", "b", "c", "d", "e")), 2), 1e-12);
        assertEquals(0.0, NGramStatistics.entropy(List.of(List.of("a")), 2), 0.0);
    }

    @Test
    void shouldCompressRepetitiveTextBetterThanVariedText() {
        List<String> repetitive = new ArrayList<>();
        List<String> varied = new ArrayList<>();
        for (int i = 0; i < CORPUS.size() * 3; i++) {
            repetitive.add("the cat sat on the mat .");
            varied.add(String.join(" ", CORPUS.get(i % CORPUS.size())) + " " + i);
        }
        assertTrue(CompressionRatio.of(repetitive) > 2 * CompressionRatio.of(varied));
        assertEquals(0.0, CompressionRatio.of(List.of()), 0.0);
    }

    @Test
    void shouldPlaceEachTenthOfTheBaselineInItsOwnDecile() {
        double[] baseline = new double[100];
        for (int i = 0; i < 100; i++) {
            baseline[i] = i;
        }
        QuantileHistogram h = QuantileHistogram.ofBaseline(baseline, 10);
        double[] tenth = new double[10];
        java.util.Arrays.fill(tenth, 0.1);
        assertArrayEquals(tenth, h.baselineShares(), 1e-12);
        assertEquals(0.0, h.distance(baseline), 1e-12);
        assertEquals(0.9, h.distance(new double[] {-5, -4, -3}), 1e-12);
        assertEquals(4.5, QuantileHistogram.quantile(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0.5), 1e-12);
    }
}
