package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Category coverage, the held-out tail, the synthetic part and size-matched real samples, on a reference small enough
 * to count by hand: four texts of three words, one per category, every bigram once (the tail is all 8 of them), and
 * two held-out texts whose tail is their 4 bigrams, one of which ("alpha beta") is also the reference's.
 */
class CoverageAndSizeMatchingTest {

    private static final CorpusText A = CorpusText.of("alpha beta gamma", "a");
    private static final CorpusText B = CorpusText.of("delta epsilon zeta", "b");
    private static final CorpusText C = CorpusText.of("eta theta iota", "c");
    private static final CorpusText D = CorpusText.of("kappa lambda mu", "d");

    private final CollapseBaseline baseline = CollapseBaseline.of(List.of(A, B, C, D),
            List.of(CorpusText.of("alpha beta omega", "a"), CorpusText.of("xi omicron pi", "b")), null,
            new CollapseSettings(3, 2, 2, 4, 50, 0, 4, 4, 1));

    @Test
    void shouldCountTheReferenceShareOfTheCategoriesACorpusStillHolds() {
        CollapseMeasurement m = baseline.measure(List.of(A, CorpusText.of("alpha gamma beta", "a")));
        assertEquals(0.25, m.get(CATEGORY_COVERAGE), 1e-12);
        assertEquals(3.0, m.get(MISSING_CATEGORIES), 0.0);
        assertEquals(new CategoryShare(0.25, 1.0, false), m.categories().get("a"));
        assertEquals(new CategoryShare(0.25, 0.0, false), m.categories().get("d"));
        assertEquals(1.0, baseline.measureReference().get(CATEGORY_COVERAGE), 1e-12);
    }

    @Test
    void shouldLeaveCategoryCoverageOutForACorpusWithoutCategories() {
        CollapseMeasurement m = baseline.measure(List.of(CorpusText.of("alpha beta gamma", null)));
        assertFalse(m.values().containsKey(CATEGORY_COVERAGE));
        assertTrue(m.categories().isEmpty());
    }

    @Test
    void shouldMeasureTheHeldOutTailApartFromTheReferenceTail() {
        CollapseMeasurement m = baseline.measure(List.of(A));
        assertEquals(2.0 / 8, m.get(TAIL_COVERAGE), 1e-12);
        assertEquals(1.0 / 4, m.get(HELD_OUT_TAIL_COVERAGE), 1e-12, "only alpha beta of the held-out tail");
        assertEquals(8, m.sampleSizes().get(SAMPLE_RARE_NGRAMS));
        assertEquals(4, m.sampleSizes().get(SAMPLE_HELD_OUT_RARE_NGRAMS));
        CollapseMeasurement other = baseline.measure(List.of(CorpusText.of("xi omicron pi", "b")));
        assertEquals(0.0, other.get(TAIL_COVERAGE), 0.0);
        assertEquals(0.5, other.get(HELD_OUT_TAIL_COVERAGE), 1e-12);
    }

    @Test
    void shouldMeasureTheSyntheticPartAloneNextToTheWholeVersion() {
        CollapseMeasurement m = baseline.measure(List.of(A, B, CorpusText.of("alpha beta alpha beta", "a")),
                List.of(CorpusText.of("alpha beta alpha beta", "a")));
        assertEquals(4.0 / 8, m.get(TAIL_COVERAGE), 1e-12, "the whole version: A's and B's bigrams");
        assertEquals(1.0 / 8, m.get(synthetic(TAIL_COVERAGE)), 1e-12, "the synthetic text: alpha beta");
        assertEquals(2.0 / 3, m.get(synthetic(DISTINCT2)), 1e-12, "ab, ba, ab");
        assertEquals(4.0, m.get(synthetic(MEAN_WORDS)), 1e-12);
        assertEquals(1, m.sampleSizes().get(SAMPLE_SYNTHETIC));
        assertEquals("syntheticHeldOutTailCoverage", synthetic(HELD_OUT_TAIL_COVERAGE));
    }

    @Test
    void shouldKnowTheReferenceTextsWhateverTheirCase() {
        assertTrue(baseline.isReferenceText(CorpusText.of("Alpha Beta gamma", null)));
        assertFalse(baseline.isReferenceText(CorpusText.of("alpha beta", null)));
    }

    @Test
    void shouldCompareACorpusAsLargeAsTheReferenceWithTheWholeReferenceAndTheWholeHeldOutSet() {
        SizeMatchedReference expected = baseline.sizeMatched(10, 5);
        assertEquals(4, expected.referenceRecords());
        assertEquals(2, expected.heldOutRecords());
        assertEquals(1, expected.samples());
        assertEquals(baseline.measureReference().get(DISTINCT2), expected.get(DISTINCT2), 1e-12);
        assertEquals(1.0, expected.get(CATEGORY_COVERAGE), 1e-12);
        assertEquals(1.0 / 8, expected.get(TAIL_COVERAGE), 1e-12, "what the held-out texts reach of the reference tail");
        assertEquals(1.0 / 4, expected.get(HELD_OUT_TAIL_COVERAGE), 1e-12, "what the reference reaches of the held-out tail");
        assertFalse(expected.values().containsKey(BIGRAM_JSD), "the reference's distance to itself is no expectation");
        assertEquals("2 held-out texts", expected.source(TAIL_COVERAGE));
        assertEquals("4 reference texts", expected.source(DISTINCT2));
    }

    @Test
    void shouldAverageSeededSamplesOfTheCorpusSizeWhenTheReferenceIsLarger() {
        SizeMatchedReference expected = baseline.sizeMatched(1, 5);
        assertEquals(1, expected.referenceRecords());
        assertEquals(1, expected.heldOutRecords());
        assertEquals(5, expected.samples());
        assertEquals(0.25, expected.get(CATEGORY_COVERAGE), 1e-12, "one text holds one category of four");
        assertEquals(1.0, expected.get(DISTINCT2), 1e-12);
        double tail = expected.get(TAIL_COVERAGE);
        assertTrue(tail >= 0 && tail <= 1.0 / 8, "a held-out text reaches at most alpha beta: " + tail);
        assertTrue(expected.values().containsKey(BIGRAM_JSD), "a strict sample has a distance to the reference");
        assertEquals(expected, baseline.sizeMatched(1, 5), "the samples replay");
    }
}
