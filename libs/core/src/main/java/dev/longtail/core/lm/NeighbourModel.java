package dev.longtail.core.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The retrieval side of {@link RetrievalInterpolatedModel}: an interpolated Witten-Bell n-gram model (Witten &amp;
 * Bell 1991; Chen &amp; Goodman 1998, section 2.3) of the responses of one request's retrieved records, pooled:
 * <pre>
 *   p_n(w | h) = (c(h w) + N1+(h •) · p_{n−1}(w | h')) / (c(h) + N1+(h •))   when c(h) &gt; 0, else p_{n−1}(w | h')
 *   p_1(w)     = c(w) / N
 * </pre>
 * counted over the response positions only (the records' prompt tokens are context, never predicted; each
 * response ends with {@code </s>}). Its support is the words of those responses: a proper distribution there, zero
 * elsewhere; the interpolation with the Kneser-Ney model gives every other word its mass.
 *
 * <p>Built per request, cheaply: every level is one sorted array of packed n-gram keys (ids of
 * {@code bits} bits, the predicted word lowest), so a context's successors are one contiguous range found by
 * binary search, c(h) is its length and N1+(h •) a difference of run-start counts. The unigram level is pooled only
 * when asked for (probabilities, the nucleus): plain sampling picks a uniform position over the records instead.
 * Not thread-safe (one request).
 */
final class NeighbourModel {

    /** Id of a word no record contains: a context holding it was never seen. */
    static final int UNSEEN = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    final int order;
    final int bits;
    private final long mask;
    /** keys[n − 1]: the packed n-grams at every response position, sorted (level 1: once {@link #types} ran). */
    final long[][] keys;
    /** runsBefore[n − 1][i]: number of distinct keys among keys[n − 1][0, i) (levels 2 and up). */
    private final int[][] runsBefore;
    private final List<long[][]> records;
    /** starts[i]: the number of response positions of the records before record i. */
    private final int[] starts;
    /** N: response positions of all records. */
    final int tokens;
    private int[] types;
    private int[] typeCounts;

    /**
     * Pools the records' n-gram keys, each record's given by {@link #keysOf} (per level, sorted): a merge, not a
     * sort, so building per request costs O(tokens · log k) for k records.
     */
    NeighbourModel(List<long[][]> recordKeys, int order, int bits) {
        this.order = order;
        this.bits = bits;
        this.mask = (1L << bits) - 1;
        this.records = recordKeys;
        this.starts = new int[recordKeys.size() + 1];
        for (int r = 0; r < recordKeys.size(); r++) {
            starts[r + 1] = starts[r] + recordKeys.get(r)[0].length;
        }
        this.tokens = starts[recordKeys.size()];
        keys = new long[order][];
        runsBefore = new int[order][];
        for (int n = 2; n <= order; n++) {
            long[] level = pooled(n);
            int[] runs = new int[level.length + 1];
            for (int i = 0; i < level.length; i++) {
                runs[i + 1] = runs[i] + (i == 0 || level[i] != level[i - 1] ? 1 : 0);
            }
            keys[n - 1] = level;
            runsBefore[n - 1] = runs;
        }
    }

    /** The records' keys of level n, merged. */
    private long[] pooled(int n) {
        List<long[]> parts = new ArrayList<>(records.size());
        for (long[][] record : records) {
            parts.add(record[n - 1]);
        }
        return merge(parts);
    }

    /** The distinct words of the responses, ascending id; pools the unigram level on first use. */
    int[] types() {
        if (types == null) {
            long[] level = pooled(1);
            int distinct = 0;
            for (int i = 0; i < level.length; i++) {
                distinct += i == 0 || level[i] != level[i - 1] ? 1 : 0;
            }
            int[] ids = new int[distinct];
            int[] counts = new int[distinct];
            for (int i = 0, d = -1; i < level.length; i++) {
                if (i == 0 || level[i] != level[i - 1]) {
                    ids[++d] = (int) level[i];
                }
                counts[d]++;
            }
            keys[0] = level;
            typeCounts = counts;
            types = ids;
        }
        return types;
    }

    /** c(w) of each word of {@link #types}. */
    int[] typeCounts() {
        types();
        return typeCounts;
    }

    /**
     * One record's packed n-grams (ids of {@code bits} bits, the predicted word lowest) at the positions from
     * {@code predictedFrom} on, per level n − 1, sorted; the sequence starts with order − 1 {@code BOS} and ends
     * with {@code EOS}.
     */
    static long[][] keysOf(int[] sequence, int predictedFrom, int order, int bits) {
        int positions = sequence.length - predictedFrom;
        long[][] keys = new long[order][positions];
        for (int i = predictedFrom, at = 0; i < sequence.length; i++, at++) {
            long key = sequence[i];
            keys[0][at] = key;
            for (int n = 2; n <= order; n++) {
                key |= (long) sequence[i - n + 1] << ((n - 1) * bits);
                keys[n - 1][at] = key;
            }
        }
        for (long[] level : keys) {
            Arrays.sort(level);
        }
        return keys;
    }

    /** Merges sorted arrays pairwise, round by round. */
    private static long[] merge(List<long[]> sorted) {
        List<long[]> round = sorted;
        while (round.size() > 1) {
            List<long[]> next = new ArrayList<>((round.size() + 1) / 2);
            for (int i = 0; i + 1 < round.size(); i += 2) {
                long[] a = round.get(i);
                long[] b = round.get(i + 1);
                long[] out = new long[a.length + b.length];
                int x = 0;
                int y = 0;
                int o = 0;
                while (x < a.length && y < b.length) { // branch-free: the comparison is a coin toss
                    long u = a[x];
                    long v = b[y];
                    int takeA = u <= v ? 1 : 0;
                    out[o++] = Math.min(u, v);
                    x += takeA;
                    y += 1 - takeA;
                }
                System.arraycopy(a, x, out, o, a.length - x);
                System.arraycopy(b, y, out, o + a.length - x, b.length - y);
                next.add(out);
            }
            if (round.size() % 2 == 1) {
                next.add(round.get(round.size() - 1));
            }
            round = next;
        }
        return round.isEmpty() ? new long[0] : round.get(0);
    }

    /** Index of the first key of level n whose context is the last n − 1 tokens of the history; −1 if unseen. */
    int rangeStart(int[] history, int n) {
        long context = context(history, n);
        return context < 0 ? -1 : SortedArrays.lowerBound(keys[n - 1], context << bits);
    }

    /** End (exclusive) of that range. */
    int rangeEnd(int[] history, int n) {
        long context = context(history, n);
        return context < 0 ? -1 : SortedArrays.lowerBound(keys[n - 1], (context + 1) << bits);
    }

    /** N1+(h •): distinct successors in the range [lo, hi) of level n. */
    int distinct(int n, int lo, int hi) {
        return runsBefore[n - 1][hi] - runsBefore[n - 1][lo];
    }

    /** The word a key predicts. */
    int wordOf(long key) {
        return (int) (key & mask);
    }

    /** Count of the word at level 1. */
    int count(int w) {
        int d = Arrays.binarySearch(types(), w);
        return d >= 0 ? typeCounts[d] : 0;
    }

    /** p(w | history), interpolated from the unigram level up; an unseen context keeps the lower-order value. */
    double probability(int[] history, int w) {
        double p = (double) count(w) / tokens;
        for (int n = 2; n <= order; n++) {
            int lo = rangeStart(history, n);
            int hi = lo < 0 ? -1 : rangeEnd(history, n);
            if (hi <= lo) {
                break; // a longer context containing an unseen one is unseen too
            }
            long full = (context(history, n) << bits) | w;
            int c = SortedArrays.lowerBound(keys[n - 1], full + 1) - SortedArrays.lowerBound(keys[n - 1], full);
            int t = distinct(n, lo, hi);
            p = (c + t * p) / (hi - lo + t);
        }
        return p;
    }

    /**
     * An exact draw from p(· | history): the interpolation is a mixture, so each seen level either emits one of
     * its c(h) occurrences, picked uniformly (mass c(h) / (c(h) + N1+(h •))), or passes on to the next lower one.
     */
    int draw(int[] history, RandomGenerator rng) {
        for (int n = order; n >= 2; n--) {
            int lo = rangeStart(history, n);
            if (lo < 0) {
                continue;
            }
            int hi = rangeEnd(history, n);
            int c = hi - lo;
            if (c == 0) {
                continue;
            }
            double u = rng.nextDouble() * (c + distinct(n, lo, hi));
            if (u < c) {
                return wordOf(keys[n - 1][lo + Math.min((int) u, c - 1)]);
            }
        }
        // the unigram level: a uniform response position over all records, without pooling them
        int position = rng.nextInt(tokens);
        int r = 0;
        while (starts[r + 1] <= position) {
            r++;
        }
        return (int) records.get(r)[0][position - starts[r]];
    }

    /** The packed context of level n (the last n − 1 history ids), or −1 when it holds an unseen word. */
    private long context(int[] history, int n) {
        long context = 0;
        for (int j = history.length - n + 1; j < history.length; j++) {
            int id = history[j];
            if (id == UNSEEN) {
                return -1;
            }
            context = context << bits | id;
        }
        return context;
    }
}
