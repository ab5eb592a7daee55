package dev.longtail.core.metrics;

import dev.longtail.core.text.NGrams;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of the real data's tail a corpus still holds: the share of the reference's rare n-grams
 * (count &le; maxCount) that occur at least once in the corpus. Tails vanish first under recursive training
 * (Shumailov et al., Nature 2024; Dohmatob et al. 2024, "A Tale of Tails").
 */
public final class TailCoverage {

    private final int n;
    private final Set<String> rare;

    private TailCoverage(int n, Set<String> rare) {
        this.n = n;
        this.rare = rare;
    }

    /** The rare n-grams of the reference: those occurring at most {@code maxCount} times. */
    public static TailCoverage ofReference(List<List<String>> reference, int n, int maxCount) {
        if (n < 1 || maxCount < 1) {
            throw new IllegalArgumentException("n and maxCount must be >= 1, were " + n + ", " + maxCount);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> doc : reference) {
            for (String gram : NGrams.of(doc, n)) {
                counts.merge(gram, 1, Integer::sum);
            }
        }
        Set<String> rare = new HashSet<>();
        counts.forEach((gram, count) -> {
            if (count <= maxCount) {
                rare.add(gram);
            }
        });
        return new TailCoverage(n, rare);
    }

    /** Share of the reference's rare n-grams present in the documents; 1.0 if the reference has none. */
    public double coverageOf(List<List<String>> docs) {
        if (rare.isEmpty()) {
            return 1.0;
        }
        Set<String> found = new HashSet<>();
        for (List<String> doc : docs) {
            for (String gram : NGrams.of(doc, n)) {
                if (rare.contains(gram)) {
                    found.add(gram);
                }
            }
        }
        return (double) found.size() / rare.size();
    }

    /** Number of rare n-grams in the reference. */
    public int rareNgramCount() {
        return rare.size();
    }
}
