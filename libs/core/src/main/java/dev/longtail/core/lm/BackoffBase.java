package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;
import static dev.longtail.core.lm.SortedArrays.countDescending;
import static dev.longtail.core.lm.SortedArrays.lowerBound;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The untruncated distribution q(w) = c'(w) + Λ'·p_1(w) of a context h' (the suffix of a sampling
 * context), tempered: its candidates S' (successors of h' and its suffixes, without {@code <unk>}) in
 * descending q^(1/T) with prefix sums, and their global unigram ranks for skipping them in the remainder.
 */
final class BackoffBase implements SamplingCache.Sized {

    final int[] sortedIds;      // S' by id
    final double[] qById;       // q(w) for sortedIds
    final double[] qTById;      // q(w)^(1/T) for sortedIds
    final int[] byValue;        // S' in descending q^(1/T)
    final double[] valueT;      // descending q^(1/T)
    final double[] prefix;      // prefix[i] = Σ_{j<i} valueT[j]
    final int[] excludedRank;   // global ranks of S', ascending
    final double[] excludedPrefix;
    final double lambda;        // Λ'
    final double lambdaT;       // Λ'^(1/T)

    BackoffBase(NGramTables tables, int[] history, int length, TemperedUnigram t) {
        double[] unigram = tables.unigram;
        Map<Integer, double[]> mass = new HashMap<>();
        double lam = 1.0;
        for (int n = length + 1; n >= 2; n--) {
            ContextStats stats = tables.successors(history, n - 1);
            if (stats == null) {
                continue;
            }
            for (int i = 0; i < stats.words.length; i++) {
                mass.computeIfAbsent(stats.words[i], k -> new double[1])[0] += lam * stats.discounted[i];
            }
            lam *= stats.gamma;
        }
        lambda = lam;
        double inv = 1.0 / t.temperature;
        lambdaT = Math.pow(lam, inv);
        int[] ids = new int[mass.size()];
        int s = 0;
        for (Integer w : mass.keySet()) {
            if (w != UNK_ID && w != BOS_ID && t.rankOf[w] >= 0) {
                ids[s++] = w;
            }
        }
        sortedIds = Arrays.copyOf(ids, s);
        Arrays.sort(sortedIds);
        qById = new double[s];
        qTById = new double[s];
        for (int i = 0; i < s; i++) {
            int w = sortedIds[i];
            qById[i] = mass.get(w)[0] + lam * unigram[w];
            qTById[i] = Math.pow(qById[i], inv);
        }
        Integer[] idx = new Integer[s];
        for (int i = 0; i < s; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(qTById[b], qTById[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        byValue = new int[s];
        valueT = new double[s];
        prefix = new double[s + 1];
        for (int i = 0; i < s; i++) {
            byValue[i] = sortedIds[idx[i]];
            valueT[i] = qTById[idx[i]];
            prefix[i + 1] = prefix[i] + valueT[i];
        }
        excludedRank = new int[s];
        for (int i = 0; i < s; i++) {
            excludedRank[i] = t.rankOf[sortedIds[i]];
        }
        Arrays.sort(excludedRank);
        excludedPrefix = new double[s + 1];
        for (int i = 0; i < s; i++) {
            excludedPrefix[i + 1] = excludedPrefix[i] + t.value[excludedRank[i]];
        }
    }

    /** Index of w in sortedIds, or negative. */
    int indexOf(int w) {
        return Arrays.binarySearch(sortedIds, w);
    }

    /** Number of candidates with tempered value &ge; y. */
    int count(double y) {
        return countDescending(valueT, y);
    }

    /** Tempered unigram mass of the global ranks [0, c) outside S' (not yet scaled by Λ'^(1/T)). */
    double remainder(int c, TemperedUnigram t) {
        return t.prefix[c] - excludedPrefix[lowerBound(excludedRank, c)];
    }

    @Override
    public int size() {
        return 3 * sortedIds.length + 8;
    }
}
