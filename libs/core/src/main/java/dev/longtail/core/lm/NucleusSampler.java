package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.EOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;
import static dev.longtail.core.lm.SortedArrays.upperBound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.random.RandomGenerator;

/**
 * Draws continuations from a trained model's tables, exactly from the tempered, nucleus-truncated distribution
 * without visiting the whole vocabulary.
 *
 * <p>Exact, not approximate: for the longest seen context h, with K the successors of h (discounted mass
 * a(w), backoff γ) and q the distribution of its suffix h', p(w|h) = a(w) + γ·q(w) on K and γ·q(w)
 * elsewhere; q itself is c(w) + Λ·p_1(w) with c non-zero only on the candidates S (successors of h'
 * and its non-empty suffixes). Tempering keeps the order and factors out the constants
 * ((c·x)^(1/T) = c^(1/T)·x^(1/T)), so the ranked distribution is K (sorted) on top of S (sorted, cached
 * per h' and temperature) on top of the global ranking by p_1 (with prefix sums of p_1^(1/T), once per
 * temperature). The tempered mass above any value is then a few binary searches, and the nucleus
 * (top-p: the most probable words whose mass reaches topP, Holtzman et al. 2020) is the value
 * threshold found by bisection, ties at it taken in a fixed order until the mass reaches topP. A draw
 * picks the part (K, S, remainder) by its exact mass, then draws within it, redrawing on the words that
 * belong to an earlier part (exact conditioning). {@code <unk>} is removed before normalising. Per
 * context the work is O(|K| log |K| + log² |W|), cached (bounded) per context and sampling setting; a
 * draw is O(log |W|) expected. Deterministic for a given rng state. Thread-safe: the cache is synchronised.
 */
final class NucleusSampler {

    private final NGramTables tables;
    private final SamplingCache cache;

    NucleusSampler(NGramTables tables) {
        this.tables = tables;
        this.cache = new SamplingCache(tables);
    }

    /**
     * Continues after {@code prefix} (context only, not returned) until {@code </s>} or
     * {@code maxTokens} tokens; never emits {@code <s>} or {@code <unk>}.
     */
    List<String> sample(List<String> prefix, Sampling sampling, RandomGenerator rng) {
        int[] history = tables.history(prefix);
        IntSupplier next;
        if (sampling.temperature() == 1.0 && sampling.topP() == 1.0) {
            next = () -> drawMixture(history, rng);
        } else {
            TemperedUnigram tempered = cache.tempered(sampling.temperature());
            next = () -> distribution(history, sampling, tempered).draw(rng, tempered);
        }
        List<String> out = new ArrayList<>();
        while (out.size() < sampling.maxTokens()) {
            int w = next.getAsInt();
            if (w < 0 || w == EOS_ID) {
                break;
            }
            out.add(tables.words[w]);
            NGramTables.shift(history, w);
        }
        return out;
    }

    /**
     * Untempered, untruncated draw, exact and O(order · log) with no cache: the interpolated distribution
     * is a mixture, so each level either emits one of its discounted successors (mass 1 − γ) or passes on
     * to the next lower level (mass γ), down to the unigram distribution. A drawn {@code <unk>} is redrawn,
     * which conditions exactly on "not {@code <unk>}".
     */
    private int drawMixture(int[] history, RandomGenerator rng) {
        double[] unigram = tables.unigram;
        double[] unigramCumulative = tables.unigramCumulative;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int w = -1;
            for (int n = tables.order; n >= 2 && w < 0; n--) {
                ContextStats stats = tables.successors(history, n - 1);
                if (stats == null) {
                    continue;
                }
                double u = rng.nextDouble();
                double kept = stats.cumulative[stats.words.length];
                if (u < kept) {
                    int i = upperBound(stats.cumulative, u) - 1;
                    w = stats.words[Math.max(0, Math.min(i, stats.words.length - 1))];
                }
            }
            if (w < 0) {
                double u = rng.nextDouble() * unigramCumulative[unigramCumulative.length - 1];
                int i = upperBound(unigramCumulative, u) - 1;
                w = Math.max(0, Math.min(i, unigram.length - 1));
                if (w == BOS_ID) {
                    continue; // zero mass, reachable only through rounding
                }
            }
            if (w != UNK_ID) {
                return w;
            }
        }
        return -1;
    }

    /** The cached distribution after the history, built (with its base) on first use. */
    private NucleusDistribution distribution(int[] history, Sampling sampling, TemperedUnigram tempered) {
        // the longest seen suffix decides the distribution, so contexts that back off share one entry
        int seen = 0;
        for (int n = tables.order; n >= 2; n--) {
            if (tables.successors(history, n - 1) != null) {
                seen = n - 1;
                break;
            }
        }
        SamplingCache.Key cacheKey = new SamplingCache.Key(tables.contextKey(history, seen), sampling.temperature(),
                sampling.topP());
        NucleusDistribution d = (NucleusDistribution) cache.get(cacheKey);
        if (d == null) {
            int baseLength = Math.max(0, seen - 1);
            SamplingCache.Key baseCacheKey = new SamplingCache.Key(tables.contextKey(history, baseLength),
                    sampling.temperature(), -1.0);
            BackoffBase base = (BackoffBase) cache.get(baseCacheKey);
            if (base == null) {
                base = new BackoffBase(tables, history, baseLength, tempered);
                cache.put(baseCacheKey, base);
            }
            d = new NucleusDistribution(tables, history, seen, sampling.topP(), tempered, base);
            cache.put(cacheKey, d);
        }
        return d;
    }
}
