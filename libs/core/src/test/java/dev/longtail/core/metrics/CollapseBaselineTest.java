package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapseBaselineTest {

    /** A deterministic bag-of-words embedder for tests: hashed token counts, normalised. */
    static final TextEmbedder BAG_OF_WORDS = new TextEmbedder() {
        @Override
        public int dimension() {
            return 32;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                float[] v = new float[32];
                for (String w : t.toLowerCase().split("\\s+")) {
                    if (!w.isEmpty()) {
                        v[Math.floorMod(w.hashCode(), 32)] += 1;
                    }
                }
                out.add(dev.longtail.core.embedding.Vectors.normalised(v));
            }
            return out;
        }
    };

    private static List<CorpusText> texts(List<List<String>> docs, String... categories) {
        List<CorpusText> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            out.add(CorpusText.of(String.join(" ", docs.get(i)), categories.length == 0 ? null : categories[i % categories.length]));
        }
        return out;
    }

    private final List<CorpusText> reference = texts(NltkReference.texts("corpus.txt"), "nature", "nature", "nature", "craft");
    private final List<CorpusText> heldOut = texts(NltkReference.texts("heldout.txt"));
    private final CollapseBaseline baseline = CollapseBaseline.of(reference, heldOut, BAG_OF_WORDS,
            new CollapseSettings(3, 2, 2, 4, 50, 100, 4, 4, 1));

    @Test
    void shouldMeasureTheReferenceAsItsOwnBaseline() {
        CollapseMeasurement m = baseline.measureReference();
        assertEquals(1.0, m.get(TAIL_COVERAGE), 1e-12);
        assertEquals(0.0, m.get(UNIGRAM_JSD), 1e-12);
        assertEquals(0.0, m.get(BIGRAM_JSD), 1e-12);
        assertEquals(0.0, m.get(LENGTH_HISTOGRAM_DISTANCE), 1e-12);
        assertEquals(0.0, m.get(PERPLEXITY_HISTOGRAM_DISTANCE), 1e-12);
        assertEquals(0.0, m.get(EMBEDDING_FRECHET), 1e-6);
        assertEquals(1.0, m.get(RARE_CLUSTER_SHARE), 1e-12);
        assertEquals(1.0, m.get(MINORITY_CATEGORY_RATIO), 1e-12);
        assertEquals(reference.size(), m.sampleSizes().get(SAMPLE_EMBEDDINGS));
        assertEquals(NltkReference.value("selfbleu4"), m.get(SELF_BLEU), 1e-12);
    }

    @Test
    void shouldSeeCollapseInEveryFamilyOfMetrics() {
        CollapseMeasurement healthy = baseline.measureReference();
        List<CorpusText> collapsed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            collapsed.add(CorpusText.of(i % 2 == 0 ? "the cat sat ." : "the river carries silt .", "nature"));
        }
        CollapseMeasurement m = baseline.measure(collapsed);
        assertTrue(m.get(DISTINCT2) < healthy.get(DISTINCT2));
        assertTrue(m.get(SELF_BLEU) > healthy.get(SELF_BLEU));
        assertTrue(m.get(COMPRESSION_RATIO) > healthy.get(COMPRESSION_RATIO));
        assertTrue(m.get(VENDI_SCORE) < healthy.get(VENDI_SCORE));
        assertTrue(m.get(BIGRAM_JSD) > 0.3);
        assertTrue(m.get(EMBEDDING_FRECHET) > 0.1);
        assertTrue(m.get(TAIL_COVERAGE) < 0.2);
        assertTrue(m.get(MEAN_WORDS) < healthy.get(MEAN_WORDS) / 2, "samples shrink");
        assertTrue(m.get(LENGTH_HISTOGRAM_DISTANCE) > 0.5);
        assertEquals(0.0, m.get(MINORITY_CATEGORY_RATIO), 1e-12, "the minority category is gone");
        assertTrue(m.get(HELD_OUT_PERPLEXITY) > healthy.get(HELD_OUT_PERPLEXITY));
        assertFalse(m.perplexityShares().isEmpty());
    }

    @Test
    void shouldLeaveEmbeddingMetricsOutWhenEmbeddingsAreOff() {
        CollapseBaseline lexical = CollapseBaseline.of(reference, heldOut, BAG_OF_WORDS,
                new CollapseSettings(3, 2, 2, 4, 50, 0, 4, 4, 1));
        CollapseMeasurement m = lexical.measureReference();
        assertFalse(m.values().containsKey(VENDI_SCORE));
        assertFalse(m.sampleSizes().containsKey(SAMPLE_EMBEDDINGS));
        assertTrue(m.values().containsKey(DISTINCT3));
    }
}
