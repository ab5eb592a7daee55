package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedCountDistinctTest {

    private static List<String> words(String text) {
        return List.of(text.split(" "));
    }

    @Test
    void shouldCountOnlyTheFirstKTokens() {
        // a b a | b a b: K = 3 keeps "a b a", bigrams ab, ba: 2 distinct of 2; K = 4 keeps "a b a b": ab, ba, ab: 2 of 3
        List<List<String>> one = List.of(words("a b a b a b"));
        assertEquals(new FixedCountDistinct.Result(1.0, 3), FixedCountDistinct.of(one, 2, 3, 7));
        assertEquals(2.0 / 3, FixedCountDistinct.of(one, 2, 4, 7).value(), 1e-12);
        assertEquals(4, FixedCountDistinct.of(one, 2, 4, 7).tokens());
    }

    @Test
    void shouldEqualPlainDistinctWhenTheCorpusHasFewerTokensThanK() {
        List<List<String>> docs = List.of(words("the cat sat"), words("the cat ran"), words("a dog sat"));
        FixedCountDistinct.Result all = FixedCountDistinct.of(docs, 2, 2000, 1);
        assertEquals(DiversityMetrics.distinctN(docs, 2), all.value(), 1e-12);
        assertEquals(9, all.tokens());
    }

    @Test
    void shouldNotCountBigramsAcrossTheCutBetweenTexts() {
        // Two texts of two tokens each and K = 3: the second text is cut to one token, so one bigram only.
        List<List<String>> docs = List.of(words("x y"), words("x y"));
        FixedCountDistinct.Result r = FixedCountDistinct.of(docs, 2, 3, 3);
        assertEquals(1.0, r.value(), 1e-12);
        assertEquals(3, r.tokens());
    }

    @Test
    void shouldGiveCorporaOfDifferentSizesFromOneSourceTheSameValueWherePlainDistinctFalls() {
        // Every text is "p q r s" (3 bigrams). Plain distinct-2 is 3 / (3n): 1/3 for 3 texts, 1/30 for 30.
        // At K = 8 tokens both corpora give two texts, 6 bigrams of 3 types: 0.5.
        List<List<String>> small = new ArrayList<>();
        List<List<String>> large = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i < 3) {
                small.add(words("p q r s"));
            }
            large.add(words("p q r s"));
        }
        assertEquals(1.0 / 3, DiversityMetrics.distinctN(small, 2), 1e-12);
        assertEquals(1.0 / 30, DiversityMetrics.distinctN(large, 2), 1e-12);
        assertEquals(0.5, FixedCountDistinct.of(small, 2, 8, 5).value(), 1e-12);
        assertEquals(0.5, FixedCountDistinct.of(large, 2, 8, 5).value(), 1e-12);
    }

    @Test
    void shouldReplayWithTheSameSeed() {
        List<List<String>> docs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            docs.add(words("t" + (i % 7) + " u" + (i % 5) + " v" + (i % 3)));
        }
        assertEquals(FixedCountDistinct.of(docs, 2, 20, 11), FixedCountDistinct.of(docs, 2, 20, 11));
        assertEquals(0.0, FixedCountDistinct.of(List.of(), 2, 20, 11).value(), 0.0);
    }
}
