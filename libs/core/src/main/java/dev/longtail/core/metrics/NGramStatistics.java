package dev.longtail.core.metrics;

import dev.longtail.core.text.NGrams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * n-gram distributions of a corpus and what is measured on them: their Shannon entropy and the
 * Jensen-Shannon divergence between two corpora. n-grams are counted within each document.
 */
public final class NGramStatistics {

    private NGramStatistics() {
    }

    /** H_n = −Σ_g p(g) log₂ p(g) over the n-grams g of the corpus, in bits; 0 when there is none. */
    public static double entropy(List<List<String>> docs, int n) {
        return entropyBits(counts(docs, n));
    }

    /** −Σ p log₂ p of a count table, in bits; 0 when it counts nothing. */
    static double entropyBits(Map<String, Integer> counts) {
        long total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        if (total == 0) {
            return 0.0;
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / total;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    /**
     * JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M), M = ½(P + Q), over the n-gram distributions of two corpora, in
     * bits (0 identical, 1 disjoint); 0 when either has no n-gram. For n = 1 it equals
     * {@link UnigramDivergence#jensenShannon}.
     */
    public static double jensenShannon(List<List<String>> a, List<List<String>> b, int n) {
        return jensenShannon(counts(a, n), counts(b, n));
    }

    /** The Jensen-Shannon divergence of two count tables, in bits. */
    public static double jensenShannon(Map<String, Integer> a, Map<String, Integer> b) {
        long totalA = a.values().stream().mapToLong(Integer::longValue).sum();
        long totalB = b.values().stream().mapToLong(Integer::longValue).sum();
        if (totalA == 0 || totalB == 0) {
            return 0.0;
        }
        double js = 0;
        for (var e : a.entrySet()) {
            double p = (double) e.getValue() / totalA;
            double q = (double) b.getOrDefault(e.getKey(), 0) / totalB;
            double m = (p + q) / 2;
            js += 0.5 * p * Math.log(p / m);
            if (q > 0) {
                js += 0.5 * q * Math.log(q / m);
            }
        }
        for (var e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                double q = (double) e.getValue() / totalB;
                js += 0.5 * q * Math.log(2); // m = q / 2
            }
        }
        return Math.max(0.0, js / Math.log(2));
    }

    /** Counts of the n-grams of the corpus. */
    public static Map<String, Integer> counts(List<List<String>> docs, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> doc : docs) {
            for (String g : NGrams.of(doc, n)) {
                counts.merge(g, 1, Integer::sum);
            }
        }
        return counts;
    }
}
