package dev.longtail.core.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jensen-Shannon divergence between the unigram distributions of two corpora, in bits (0 for identical
 * distributions, 1 for disjoint ones): how far a generation's word frequencies have drifted from the real
 * reference. Symmetric and finite even when one corpus lacks words of the other, unlike KL divergence.
 */
public final class UnigramDivergence {

    private UnigramDivergence() {
    }

    /**
     * JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M) with M = ½ (P + Q), P and Q the relative token frequencies of
     * the two corpora; 0 when either corpus has no token.
     */
    public static double jensenShannon(List<List<String>> a, List<List<String>> b) {
        Map<String, long[]> counts = new HashMap<>();
        long totalA = count(a, counts, 0);
        long totalB = count(b, counts, 1);
        if (totalA == 0 || totalB == 0) {
            return 0.0;
        }
        double js = 0;
        for (long[] c : counts.values()) {
            double p = (double) c[0] / totalA;
            double q = (double) c[1] / totalB;
            double m = (p + q) / 2;
            if (p > 0) {
                js += 0.5 * p * Math.log(p / m);
            }
            if (q > 0) {
                js += 0.5 * q * Math.log(q / m);
            }
        }
        return Math.max(0.0, js / Math.log(2));
    }

    private static long count(List<List<String>> docs, Map<String, long[]> counts, int slot) {
        long total = 0;
        for (List<String> doc : docs) {
            for (String token : doc) {
                counts.computeIfAbsent(token, k -> new long[2])[slot]++;
                total++;
            }
        }
        return total;
    }
}
