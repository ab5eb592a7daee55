package dev.longtail.core.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
    void shouldBuildWordShinglesAndCoverShortTexts() {
        assertEquals(Set.of("a b", "b c"), MinHasher.shingles(List.of("a", "b", "c"), 2));
        assertEquals(Set.of("a b"), MinHasher.shingles(List.of("a", "b"), 5));
        assertTrue(MinHasher.shingles(List.of(), 3).isEmpty());
    }

    @Test
    void shouldComputeExactJaccard() {
        assertEquals(0.5, MinHasher.jaccard(Set.of(1, 2, 3), Set.of(2, 3, 4)), 0.0); // {2,3} / {1,2,3,4}
        assertEquals(1.0, MinHasher.jaccard(Set.of(1), Set.of(1)), 0.0);
        assertEquals(0.0, MinHasher.jaccard(Set.of(), Set.of()), 0.0);
    }

    @Test
    void shouldEstimateJaccardWithinTolerance() {
        MinHasher hasher = new MinHasher(128, 3, 42);
        SplittableRandom random = new SplittableRandom(1);
        for (double overlap : new double[] {0.0, 0.2, 0.5, 0.8, 0.95}) {
            List<String> a = words(random, 200);
            List<String> b = new ArrayList<>(a);
            // replace a tail of b so that the shingle sets overlap partially
            int keep = (int) Math.round(overlap * a.size());
            for (int i = keep; i < b.size(); i++) {
                b.set(i, "x" + random.nextInt(1_000_000));
            }
            double exact = MinHasher.jaccard(MinHasher.shingles(a, 3), MinHasher.shingles(b, 3));
            double estimate = MinHasher.estimateJaccard(hasher.signature(a), hasher.signature(b));
            assertTrue(Math.abs(exact - estimate) < 0.1, "exact " + exact + " estimate " + estimate);
        }
        assertEquals(1.0, MinHasher.estimateJaccard(hasher.signature(List.of("a", "b", "c")),
                hasher.signature(List.of("a", "b", "c"))), 0.0);
    }

    @Test
    void shouldReduceModuloTheMersennePrimeExactly() {
        long p = MinHasher.MERSENNE_61;
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            long a = random.nextLong(p);
            long x = random.nextLong(p);
            long b = random.nextLong(p);
            long expected = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(x))
                    .add(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(p)).longValueExact();
            assertEquals(expected, MinHasher.mulAddMod61(a, x, b));
        }
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
    void shouldFindANearDuplicateAndIgnoreAnUnrelatedText() {
        MinHasher hasher = new MinHasher(128, 3, 7);
        NearDuplicateIndex index = new NearDuplicateIndex(hasher, LshParameters.forThreshold(128, 0.8));
        SplittableRandom random = new SplittableRandom(2);
        List<String> original = words(random, 300);
        index.add("original", original);
        index.add("other", words(random, 300));
        index.add("empty", List.of());
        assertEquals(2, index.size());

        List<String> edited = new ArrayList<>(original);
        edited.set(150, "changed"); // one word in 300: 3 of 298 shingles differ, J ≈ 0.98
        Optional<NearDuplicate> found = index.findNearDuplicate(edited, 0.8);
        assertTrue(found.isPresent());
        assertEquals("original", found.get().id());
        assertTrue(found.get().jaccard() > 0.9);

        List<String> tenPercent = new ArrayList<>(original);
        for (int i = 0; i < 5; i++) {
            tenPercent.set(30 + 60 * i, "edit" + i); // 15 of 298 shingles changed: J ≈ 0.9
        }
        assertEquals("original", index.findNearDuplicate(tenPercent, 0.8).orElseThrow().id());
        assertTrue(index.findNearDuplicate(words(random, 300), 0.8).isEmpty());
        assertTrue(index.findNearDuplicate(List.of(), 0.8).isEmpty());
    }

    @Test
    void shouldReachTheRecallTargetForPairsAtTheThreshold() {
        MinHasher hasher = new MinHasher(128, 1, 9);
        NearDuplicateIndex index = new NearDuplicateIndex(hasher, LshParameters.forThreshold(128, 0.8));
        SplittableRandom random = new SplittableRandom(4);
        int found = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            // sets of 100 words sharing 90: J = 90/110 ≈ 0.818 >= 0.8
            List<String> a = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                a.add("t" + t + "w" + i);
            }
            List<String> b = new ArrayList<>(a.subList(0, 90));
            for (int i = 0; i < 10; i++) {
                b.add("t" + t + "v" + i);
            }
            String id = "a" + t;
            index.add(id, a);
            if (index.findNearDuplicate(b, 0.7).map(d -> d.id().equals(id)).orElse(false)) {
                found++;
            }
        }
        assertTrue(found >= 0.95 * trials, "candidates found for " + found + " of " + trials);
    }

    private static List<String> words(SplittableRandom random, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add("w" + random.nextInt(100_000));
        }
        return Tokenizer.tokenize(String.join(" ", words));
    }
}
