package dev.longtail.core.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NoveltyIndexesTest {

    private static long[] randomWords(Random random, int n) {
        long[] words = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = ShingleMinHasher.tokenHash("w" + random.nextInt(5000));
        }
        return words;
    }

    @Test
    void shouldEstimateJaccardOfShingleSetsWithinTolerance() {
        var hasher = new ShingleMinHasher(256, 5, 1);
        Random random = new Random(3);
        long[] a = randomWords(random, 200);
        long[] b = a.clone();
        for (int i = 0; i < 10; i++) {
            b[random.nextInt(b.length)] = ShingleMinHasher.tokenHash("edit" + i);
        }
        double exact = ShingleMinHasher.jaccard(hasher.shingleSet(a), hasher.shingleSet(b));
        double estimate = ShingleMinHasher.estimateJaccard(hasher.signatureOfTokens(a), hasher.signatureOfTokens(b));
        assertTrue(exact > 0.5 && exact < 0.95, "exact " + exact);
        assertEquals(exact, estimate, 4 * Math.sqrt(exact * (1 - exact) / 256));
    }

    @Test
    void shouldFindTheNearDuplicateInTheLshIndexAndIgnoreUnrelatedTexts() {
        var hasher = new ShingleMinHasher(128, 5, 1);
        var index = new LshIndex(128, LshParameters.forThreshold(128, 0.8));
        Random random = new Random(4);
        List<long[]> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long[] t = randomWords(random, 100);
            texts.add(t);
            assertEquals(i, index.add(hasher.signatureOfTokens(t)));
        }
        long[] copy = texts.get(123).clone();
        copy[50] = ShingleMinHasher.tokenHash("changed");
        LshIndex.Match match = index.best(hasher.signatureOfTokens(copy), 256);
        assertNotNull(match);
        assertEquals(123, match.position());
        assertTrue(match.jaccard() > 0.8);
        assertNull(index.best(hasher.signatureOfTokens(randomWords(random, 100)), 256));
        assertTrue(index.memoryBytes() < 500L * 1200, "bytes " + index.memoryBytes());
        LshIndex loose = index.rebanded(LshParameters.forThreshold(128, 0.5));
        assertEquals(123, loose.best(hasher.signatureOfTokens(copy), 256).position());
    }

    @Test
    void shouldComputeRougeLFMeasure() {
        int[] reference = {1, 2, 3, 4, 5};
        int[] candidate = {1, 3, 5, 6};
        assertEquals(3, RougeL.lcs(candidate, reference));
        // precision 3/4, recall 3/5
        assertEquals(2 * 0.75 * 0.6 / (0.75 + 0.6), RougeL.fMeasure(candidate, reference), 1e-12);
        assertEquals(0.0, RougeL.fMeasure(new int[0], reference));
    }

    @Test
    void shouldKeepFingerprintsOfTextsThatDifferOnlyInCaseAndPunctuation() {
        var set = new FingerprintSet();
        assertTrue(set.add(Fingerprint.of("Hello, World!")));
        assertFalse(set.add(Fingerprint.of("hello world")));
        assertEquals(TextFingerprint.of("Hello, World!"), Fingerprint.of("hello world").hex());
        for (int i = 0; i < 1000; i++) {
            assertTrue(set.add(Fingerprint.of("text " + i)));
        }
        assertTrue(set.contains(Fingerprint.of("TEXT 999")));
        assertEquals(1001, set.size());
    }

    @Test
    void shouldQuantiseUnitVectorsWithSmallCosineError() {
        Random random = new Random(5);
        var index = new BruteForceVectorIndex(384);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] v = unit(random, 384);
            vectors.add(v);
            index.add(v);
        }
        VectorIndex.Neighbour n = index.nearest(vectors.get(17));
        assertEquals(17, n.position());
        assertEquals(1.0, n.similarity(), 0.01);
        double exact = dot(vectors.get(3), vectors.get(4));
        assertEquals(exact, index.vectors().cosine(3, 4), 0.01);
    }

    @Test
    void shouldHandTheSearchToTheAnnIndexOnceThePoolOutgrowsBruteForce() {
        Random random = new Random(6);
        List<VectorIndex> made = new ArrayList<>();
        var tiered = new TieredVectorIndex(32, 10, d -> {
            var ann = new BruteForceVectorIndex(d);
            made.add(ann);
            return ann;
        });
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            float[] v = unit(random, 32);
            vectors.add(v);
            assertEquals(i, tiered.add(v));
            assertEquals(i >= 9, tiered.approximate());
        }
        assertEquals(25, made.get(0).size());
        assertEquals(4, tiered.nearest(vectors.get(4)).position());
        assertEquals(20, tiered.nearest(vectors.get(20)).position());
    }

    static float[] unit(Random random, int d) {
        float[] v = new float[d];
        double n = 0;
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= Math.sqrt(n);
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
