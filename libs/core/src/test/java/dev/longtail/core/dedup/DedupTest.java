package dev.longtail.core.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DedupTest {

    @Test
    void shouldShareAFingerprintForTextsDifferingOnlyInCasePunctuationAndSpacing() {
        String a = TextFingerprint.of("Hello, World!  How are you?");
        assertEquals(a, TextFingerprint.of("hello world how are you"));
        assertEquals(a, TextFingerprint.of("  HELLO -- world... how   are you "));
        assertNotEquals(a, TextFingerprint.of("hello world how are we"));
        assertEquals(32, a.length());
        assertTrue(a.matches("[0-9a-f]{32}"));
    }

    @Test
    void shouldGiveATextShorterThanTheShingleOneShingleOfAllItsWords() {
        ShingleMinHasher hasher = new ShingleMinHasher(64, 5, 1);
        long[] ab = ShingleMinHasher.tokenHashes(List.of("a", "b"));
        assertEquals(1, hasher.shingleSet(ab).length);
        assertEquals(0, hasher.shingleSet(new long[0]).length);
        assertEquals(2, new ShingleMinHasher(64, 2, 1).shingleSet(ShingleMinHasher.tokenHashes(List.of("a", "b", "c"))).length);
        assertArrayEquals(hasher.signatureOfTokens(ab), hasher.signatureOfTokens(ShingleMinHasher.tokenHashes(List.of("a", "b"))));
    }

    @Test
    void shouldComputeExactJaccardOfSortedShingleSets() {
        assertEquals(0.5, ShingleMinHasher.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4}), 0.0); // {2,3} / {1,2,3,4}
        assertEquals(1.0, ShingleMinHasher.jaccard(new long[] {1}, new long[] {1}), 0.0);
        assertEquals(0.0, ShingleMinHasher.jaccard(new long[0], new long[0]), 0.0);
    }

    @Test
    void shouldChooseABandingThatFitsAndFavoursRecall() {
        LshParameters p = LshParameters.forThreshold(128, 0.8);
        assertTrue(p.bands() * p.rows() <= 128, p.toString());
        assertTrue(p.bands() > 1 && p.rows() > 1, p.toString());
        assertTrue(p.candidateProbability(0.8) >= 0.95, "recall at the threshold: " + p.candidateProbability(0.8));
        assertTrue(p.candidateProbability(0.3) < 0.05, "false positives at 0.3: " + p.candidateProbability(0.3));
        LshParameters loose = LshParameters.forThreshold(128, 0.5);
        assertTrue(loose.rows() < p.rows(), loose + " vs " + p);
    }

    @Test
    void shouldReachTheRecallTargetForPairsAtTheThreshold() {
        ShingleMinHasher hasher = new ShingleMinHasher(128, 1, 9);
        LshIndex index = new LshIndex(128, LshParameters.forThreshold(128, 0.8));
        int found = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            // sets of 100 words sharing 90: J = 90/110 ≈ 0.818 >= 0.8
            long[] a = new long[100];
            for (int i = 0; i < 100; i++) {
                a[i] = ShingleMinHasher.tokenHash("t" + t + "w" + i);
            }
            long[] b = a.clone();
            for (int i = 90; i < 100; i++) {
                b[i] = ShingleMinHasher.tokenHash("t" + t + "v" + i);
            }
            int position = index.add(hasher.signatureOfTokens(a));
            for (int candidate : index.candidates(hasher.signatureOfTokens(b), 64)) {
                if (candidate == position) {
                    found++;
                }
            }
        }
        assertTrue(found >= 0.95 * trials, "candidates found for " + found + " of " + trials);
    }
}
