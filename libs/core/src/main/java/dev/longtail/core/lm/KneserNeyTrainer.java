package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.EOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains the tables of an interpolated modified Kneser-Ney model (the rules are on {@link KneserNeyModel}): maps
 * tokens to ids, counts raw and continuation n-grams, and estimates each order's discounts from its
 * count-of-counts.
 */
final class KneserNeyTrainer {

    private final int order;
    private final Set<String> vocabulary;   // null: open vocabulary, every training token becomes a word
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private long tokens;

    private KneserNeyTrainer(int order, Set<String> vocabulary) {
        this.order = order;
        this.vocabulary = vocabulary;
        for (String marker : List.of(KneserNeyModel.UNK, KneserNeyModel.EOS, KneserNeyModel.BOS)) {
            ids.put(marker, words.size());
            words.add(marker);
        }
        if (vocabulary != null) {
            for (String w : new TreeSet<>(vocabulary)) {
                if (w != null && !ids.containsKey(w)) {
                    ids.put(w, words.size());
                    words.add(w);
                }
            }
        }
    }

    /** Trains on token sequences; a null vocabulary is open (see {@link KneserNeyModel#train(List, int, Set)}). */
    static NGramTables train(List<List<String>> sequences, int order, Set<String> vocabulary) {
        if (order < 2) {
            throw new IllegalArgumentException("order must be >= 2, was " + order);
        }
        KneserNeyTrainer trainer = new KneserNeyTrainer(order, vocabulary);
        List<int[]> padded = trainer.pad(sequences);
        ContextKeys keys = new ContextKeys(trainer.words.size(), order - 1);
        List<Map<Object, ContextStats>> levels = levels(trainer.count(padded, keys));
        double[] unigram = unigram(levels.get(0).get(keys.key(new int[0], 0, 0)), trainer.words.size());
        return new NGramTables(order, trainer.words.toArray(new String[0]), trainer.ids, trainer.tokens, levels,
                keys, unigram);
    }

    /** Each sequence as ids, after order−1 {@code <s>} and before {@code </s>}; unknown tokens as {@code <unk>}. */
    private List<int[]> pad(List<List<String>> sequences) {
        int pad = order - 1;
        List<int[]> padded = new ArrayList<>(sequences.size());
        for (List<String> sequence : sequences) {
            int[] seq = new int[pad + sequence.size() + 1];
            Arrays.fill(seq, 0, pad, BOS_ID);
            for (int i = 0; i < sequence.size(); i++) {
                String token = sequence.get(i);
                Integer id = ids.get(token);
                if (id == null || id == BOS_ID || id == EOS_ID) {
                    if (vocabulary == null && token != null && !KneserNeyModel.BOS.equals(token)
                            && !KneserNeyModel.EOS.equals(token)) {
                        id = words.size();
                        ids.put(token, id);
                        words.add(token);
                    } else {
                        id = UNK_ID;
                    }
                }
                seq[pad + i] = id;
            }
            seq[seq.length - 1] = EOS_ID;
            tokens += sequence.size();
            padded.add(seq);
        }
        return padded;
    }

    /** counts[n−1]: context key → the successor counts a(h w) at order n (raw or continuation, see the model). */
    private List<Map<Object, SuccessorCounts>> count(List<int[]> padded, ContextKeys keys) {
        int pad = order - 1;
        List<Map<Object, SuccessorCounts>> counts = new ArrayList<>(order);
        for (int n = 1; n <= order; n++) {
            counts.add(new LinkedHashMap<>());
        }
        // highest order, and every lower order n-gram beginning with <s>: raw counts
        for (int[] seq : padded) {
            for (int i = pad; i < seq.length; i++) {
                for (int n = order; n >= 1; n--) {
                    int start = i - n + 1;
                    if (n == order || (n >= 2 && seq[start] == BOS_ID)) {
                        successors(counts.get(n - 1), keys, seq, start, n - 1).add(seq[i], 1);
                    }
                }
            }
        }
        // lower orders: continuation counts N1+(• h w), one per distinct observed (n+1)-gram x h w
        for (int n = order - 1; n >= 1; n--) {
            Map<Object, SuccessorCounts> higher = counts.get(n);
            Map<Object, SuccessorCounts> level = counts.get(n - 1);
            for (SuccessorCounts b : higher.values()) {
                int[] ctx = b.context;
                if (n >= 2 && ctx[1] == BOS_ID) {
                    continue; // the suffix starts with <s>: already counted raw
                }
                SuccessorCounts target = successors(level, keys, ctx, 1, n - 1);
                for (Map.Entry<Integer, int[]> e : b.counts.entrySet()) {
                    target.add(e.getKey(), 1);
                }
            }
        }
        return counts;
    }

    private static SuccessorCounts successors(Map<Object, SuccessorCounts> level, ContextKeys keys, int[] seq,
                                              int start, int length) {
        Object key = keys.key(seq, start, length);
        SuccessorCounts b = level.get(key);
        if (b == null) {
            b = new SuccessorCounts(Arrays.copyOfRange(seq, start, start + length));
            level.put(key, b);
        }
        return b;
    }

    /** Each order's counts discounted with that order's D1, D2, D3+. */
    private static List<Map<Object, ContextStats>> levels(List<Map<Object, SuccessorCounts>> counts) {
        List<Map<Object, ContextStats>> levels = new ArrayList<>(counts.size());
        for (Map<Object, SuccessorCounts> level : counts) {
            double[] d = discounts(level.values());
            Map<Object, ContextStats> stats = new HashMap<>(level.size() * 2);
            for (Map.Entry<Object, SuccessorCounts> e : level.entrySet()) {
                stats.put(e.getKey(), e.getValue().build(d));
            }
            levels.add(stats);
        }
        return levels;
    }

    /** p_1(w) for every id: the unigram level interpolated with the uniform floor 1/|W| (0 for {@code <s>}). */
    private static double[] unigram(ContextStats uni, int size) {
        double[] unigram = new double[size];
        double floor = 1.0 / (size - 1);
        for (int w = 0; w < size; w++) {
            if (w == BOS_ID) {
                continue;
            }
            unigram[w] = uni == null ? floor : uni.discounted(w) + uni.gamma * floor;
        }
        return unigram;
    }

    /** Chen &amp; Goodman's D1, D2, D3+ from the count-of-counts, with the k/2 fallback (see the model). */
    static double[] discounts(Iterable<SuccessorCounts> level) {
        long[] n = new long[5];
        for (SuccessorCounts b : level) {
            for (int[] c : b.counts.values()) {
                if (c[0] <= 4) {
                    n[c[0]]++;
                }
            }
        }
        return discounts(n[1], n[2], n[3], n[4]);
    }

    /** The three discounts from count-of-counts n1..n4. */
    static double[] discounts(long n1, long n2, long n3, long n4) {
        double y = (double) n1 / (n1 + 2.0 * n2);
        double[] d = {
            1 - 2 * y * n2 / n1,
            2 - 3 * y * n3 / n2,
            3 - 4 * y * n4 / n3,
        };
        for (int k = 1; k <= 3; k++) {
            if (!Double.isFinite(d[k - 1]) || d[k - 1] <= 0 || d[k - 1] >= k) {
                d[k - 1] = k / 2.0;
            }
        }
        return d;
    }

    /** Mutable successor counts of one context during training. */
    static final class SuccessorCounts {
        final int[] context;
        final Map<Integer, int[]> counts = new LinkedHashMap<>();

        SuccessorCounts(int[] context) {
            this.context = context;
        }

        void add(int word, int by) {
            counts.computeIfAbsent(word, k -> new int[1])[0] += by;
        }

        /** The context's discounted probabilities and γ(h) under discounts d. */
        ContextStats build(double[] d) {
            int size = counts.size();
            int[] ws = new int[size];
            int i = 0;
            for (Integer w : counts.keySet()) {
                ws[i++] = w;
            }
            Arrays.sort(ws);
            int[] cs = new int[size];
            long total = 0;
            double gammaNumerator = 0;
            for (i = 0; i < size; i++) {
                int c = counts.get(ws[i])[0];
                cs[i] = c;
                total += c;
                gammaNumerator += d[Math.min(c, 3) - 1];
            }
            double[] discounted = new double[size];
            for (i = 0; i < size; i++) {
                discounted[i] = Math.max(cs[i] - d[Math.min(cs[i], 3) - 1], 0) / total;
            }
            return new ContextStats(ws, discounted, gammaNumerator / total);
        }
    }
}
