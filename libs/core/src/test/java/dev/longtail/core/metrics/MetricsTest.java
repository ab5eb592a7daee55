package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void shouldComputeDistinctNAsDistinctOverTotalNGrams() {
        // doc 1 "a b a b": bigrams ab, ba, ab; doc 2 "a b c": ab, bc -> 5 bigrams, distinct {ab, ba, bc} = 3
        List<List<String>> docs = List.of(List.of("a", "b", "a", "b"), List.of("a", "b", "c"));
        assertEquals(3.0 / 5, DiversityMetrics.distinctN(docs, 2), 1e-12);
        // unigrams: 7 tokens, distinct {a, b, c}
        assertEquals(3.0 / 7, DiversityMetrics.distinctN(docs, 1), 1e-12);
        assertEquals(0.0, DiversityMetrics.distinctN(List.of(List.of("a")), 2));
    }

    @Test
    void shouldGiveTwoBitsOfEntropyForAUniformFourWordCorpus() {
        assertEquals(2.0, DiversityMetrics.unigramEntropy(List.of(List.of("a", "b"), List.of("c", "d"))), 1e-12);
        assertEquals(0.0, DiversityMetrics.unigramEntropy(List.of(List.of("a", "a"))), 1e-12);
        // p = (1/2, 1/4, 1/4): 1.5 bits
        assertEquals(1.5, DiversityMetrics.unigramEntropy(List.of(List.of("a", "a", "b", "c"))), 1e-12);
    }

    @Test
    void shouldCountMeanWordsWithoutPunctuation() {
        assertEquals(2.5, DiversityMetrics.meanWords(List.of(List.of("hi", ",", "there", "!"), List.of("a", "b", "c"))), 1e-12);
        assertEquals(0.0, DiversityMetrics.meanWords(List.of()));
    }

    @Test
    void shouldMeasureCoverageOfTheReferencesRareNGrams() {
        // reference bigrams: "a b" x3, "b c" x1, "c d" x1, "b a" x2 ... rare (count <= 1): "b c", "c d"
        List<List<String>> reference = List.of(List.of("a", "b", "a", "b", "c", "d"), List.of("a", "b", "a"));
        TailCoverage coverage = TailCoverage.ofReference(reference, 2, 1);
        assertEquals(2, coverage.rareNgramCount());
        assertEquals(0.5, coverage.coverageOf(List.of(List.of("x", "b", "c"))), 1e-12);
        assertEquals(1.0, coverage.coverageOf(List.of(List.of("b", "c", "d"))), 1e-12);
        assertEquals(0.0, coverage.coverageOf(List.of(List.of("a", "b", "a"))), 1e-12);
        assertEquals(1.0, TailCoverage.ofReference(List.of(List.of("a")), 2, 1).coverageOf(List.of()), 1e-12);
    }

    @Test
    void shouldRiseWhenTheTrainingCorpusCollapsesToOneSentence() {
        List<List<String>> real = List.of(
                List.of("the", "cat", "sat", "on", "the", "mat"), List.of("a", "dog", "ran", "in", "the", "park"),
                List.of("the", "bird", "sang", "in", "the", "tree"), List.of("a", "cat", "ran", "to", "the", "tree"));
        List<List<String>> heldOut = List.of(List.of("the", "dog", "sat", "in", "the", "park"));
        List<List<String>> collapsed = List.of(real.get(0), real.get(0), real.get(0), real.get(0));
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        real.forEach(vocabulary::addAll);
        heldOut.forEach(vocabulary::addAll);
        double healthy = HeldOutPerplexity.of(real, heldOut, 3, vocabulary);
        double sick = HeldOutPerplexity.of(collapsed, heldOut, 3, vocabulary);
        assertTrue(sick > healthy, sick + " > " + healthy);
        assertTrue(HeldOutPerplexity.of(real, heldOut, 3) > 1.0);
    }
}
