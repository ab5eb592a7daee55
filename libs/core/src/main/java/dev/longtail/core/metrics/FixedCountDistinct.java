package dev.longtail.core.metrics;

import dev.longtail.core.text.NGrams;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * distinct-n over a fixed number of tokens, so that corpora of different sizes compare: the texts in a seeded random
 * order, the first K tokens of that sequence (the last text cut), n-grams counted within each text, distinct / total.
 * Plain distinct-n falls as a corpus grows (new types get rarer: Heaps' law), so a version twice as large reads as
 * less diverse for its size alone; at a fixed K that effect is gone (the standardised type-token ratio of corpus
 * linguistics; Liu et al. 2022, "Rethinking and Refining the Distinct Metric", on distinct-n's length bias).
 */
public final class FixedCountDistinct {

    private FixedCountDistinct() {
    }

    /** The value and the tokens it was measured on (fewer than K when the corpus is smaller). */
    public record Result(double value, int tokens) {
    }

    /**
     * distinct-n over the first {@code tokens} tokens of the texts shuffled with {@code seed}; the whole corpus when
     * it has fewer tokens; 0 when no n-gram is counted.
     */
    public static Result of(List<List<String>> docs, int n, int tokens, long seed) {
        if (n < 1 || tokens < 1) {
            throw new IllegalArgumentException("n and tokens must be >= 1, were " + n + ", " + tokens);
        }
        Set<String> distinct = new HashSet<>();
        long total = 0;
        int remaining = tokens;
        for (int index : SeededOrder.of(docs.size(), seed, "fixed-count-distinct")) {
            if (remaining == 0) {
                break;
            }
            List<String> doc = docs.get(index);
            List<String> taken = doc.size() <= remaining ? doc : doc.subList(0, remaining);
            remaining -= taken.size();
            List<String> grams = NGrams.of(taken, n);
            total += grams.size();
            distinct.addAll(grams);
        }
        return new Result(total == 0 ? 0.0 : (double) distinct.size() / total, tokens - remaining);
    }
}
