package dev.longtail.core.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Interpolated modified Kneser-Ney n-gram language model (Chen &amp; Goodman 1998, "An Empirical Study of
 * Smoothing Techniques for Language Modeling", TR-10-98, section 3.5): the embedded generator backend and
 * the held-out perplexity metric.
 *
 * <p>For order n with context h (the last n−1 tokens) and its suffix h' (the last n−2):
 * <pre>
 *   p_n(w | h) = max(a(h w) − D_n(a(h w)), 0) / Σ_v a(h v)  +  γ(h) · p_{n−1}(w | h')
 *   γ(h)       = (D_n,1 · N1(h •) + D_n,2 · N2(h •) + D_n,3+ · N3+(h •)) / Σ_v a(h v)
 *   p_0(w)     = 1 / |W|,   W = vocabulary ∪ {&lt;/s&gt;, &lt;unk&gt;}
 * </pre>
 * where a is the raw count at the highest order and the continuation count N1+(• h w) (number of distinct
 * left neighbours) at lower orders, except for n-grams that begin with {@code <s>}, which have no real
 * left neighbour and keep their raw count (as KenLM does). When h was never seen, p_n(w | h) = p_{n−1}(w | h').
 * Discounts per order come from the count-of-counts n_1..n_4 of that order's counts a:
 * Y = n1/(n1 + 2 n2), D1 = 1 − 2Y n2/n1, D2 = 2 − 3Y n3/n2, D3+ = 3 − 4Y n4/n3. When an estimate cannot
 * be made (a zero count-of-count, as in tiny corpora) or falls outside (0, k), D_k falls back to k/2
 * (0.5, 1.0, 1.5), which keeps every discount inside (0, count) and the distribution proper.
 *
 * <p>Each training sequence is padded with order−1 {@code <s>} and ended with {@code </s>}; tokens outside
 * the vocabulary become {@code <unk>}. Every word of W has p &gt; 0 and Σ_{w∈W} p(w | h) = 1 for any h.
 *
 * <p>Sampling draws exactly from the tempered, nucleus-truncated distribution without visiting the whole
 * vocabulary: see {@link #sample}. Instances are immutable apart from a bounded, synchronised sampling
 * cache, and may be shared between threads.
 */
public final class KneserNeyModel {

    /** Start-of-sequence padding; never predicted, never emitted. */
    public static final String BOS = "<s>";
    /** End of sequence. */
    public static final String EOS = "</s>";
    /** Every word outside the vocabulary. */
    public static final String UNK = "<unk>";

    static final int UNK_ID = 0;
    static final int EOS_ID = 1;
    static final int BOS_ID = 2;

    /** Upper bound on cached candidate entries (over all contexts) before the sampling cache evicts. */
    static final long CACHE_CANDIDATE_BUDGET = 4_000_000L;

    private final int order;
    private final String[] words;
    private final Map<String, Integer> ids;
    private final long tokenCount;
    private final int predictable;          // |W| = ids.size() − 1 (all ids except <s>)
    private final ContextKeys keys;
    private final List<Map<Object, ContextStats>> levels; // index n−1 holds order n, keyed by context
    private final double[] unigram;         // p_1(w) for every id (0 for <s>)
    private final double[] unigramCumulative;
    private final SamplingCache cache = new SamplingCache();

    private KneserNeyModel(int order, String[] words, Map<String, Integer> ids, long tokenCount,
                           List<Map<Object, ContextStats>> levels, ContextKeys keys, double[] unigram) {
        this.order = order;
        this.words = words;
        this.ids = ids;
        this.tokenCount = tokenCount;
        this.predictable = words.length - 1;
        this.levels = levels;
        this.keys = keys;
        this.unigram = unigram;
        this.unigramCumulative = new double[unigram.length + 1];
        for (int w = 0; w < unigram.length; w++) {
            unigramCumulative[w + 1] = unigramCumulative[w] + unigram[w];
        }
    }

    /** Trains on sequences of tokens with an open vocabulary (every training token is known). */
    public static KneserNeyModel train(List<List<String>> sequences, int order) {
        return train(sequences, order, null);
    }

    /**
     * Trains with a fixed vocabulary: tokens outside it become {@code <unk>} before counting, and words of
     * the vocabulary that never occur still get the uniform floor. A fixed vocabulary keeps perplexities of
     * models trained on different corpora comparable.
     */
    public static KneserNeyModel train(List<List<String>> sequences, int order, Set<String> vocabulary) {
        if (order < 2) {
            throw new IllegalArgumentException("order must be >= 2, was " + order);
        }
        Map<String, Integer> ids = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (String marker : List.of(UNK, EOS, BOS)) {
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
        int pad = order - 1;
        List<int[]> padded = new ArrayList<>(sequences.size());
        long tokens = 0;
        for (List<String> sequence : sequences) {
            int[] seq = new int[pad + sequence.size() + 1];
            Arrays.fill(seq, 0, pad, BOS_ID);
            for (int i = 0; i < sequence.size(); i++) {
                String token = sequence.get(i);
                Integer id = ids.get(token);
                if (id == null || id == BOS_ID || id == EOS_ID) {
                    if (vocabulary == null && token != null && !BOS.equals(token) && !EOS.equals(token)) {
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
        ContextKeys keys = new ContextKeys(words.size(), order - 1);

        // counts[n-1]: context key -> builder of the successor counts a(h w) at order n
        List<Map<Object, Builder>> counts = new ArrayList<>(order);
        for (int n = 1; n <= order; n++) {
            counts.add(new LinkedHashMap<>());
        }
        // highest order, and every lower order n-gram beginning with <s>: raw counts
        for (int[] seq : padded) {
            for (int i = pad; i < seq.length; i++) {
                for (int n = order; n >= 1; n--) {
                    int start = i - n + 1;
                    if (n == order || (n >= 2 && seq[start] == BOS_ID)) {
                        builder(counts.get(n - 1), keys, seq, start, n - 1).add(seq[i], 1);
                    }
                }
            }
        }
        // lower orders: continuation counts N1+(• h w), one per distinct observed (n+1)-gram x h w
        for (int n = order - 1; n >= 1; n--) {
            Map<Object, Builder> higher = counts.get(n);
            Map<Object, Builder> level = counts.get(n - 1);
            for (Builder b : higher.values()) {
                int[] ctx = b.context;
                if (n >= 2 && ctx[1] == BOS_ID) {
                    continue; // the suffix starts with <s>: already counted raw
                }
                Builder target = builder(level, keys, ctx, 1, n - 1);
                for (Map.Entry<Integer, int[]> e : b.counts.entrySet()) {
                    target.add(e.getKey(), 1);
                }
            }
        }

        List<Map<Object, ContextStats>> levels = new ArrayList<>(order);
        for (int n = 1; n <= order; n++) {
            double[] d = discounts(counts.get(n - 1).values());
            Map<Object, ContextStats> stats = new HashMap<>(counts.get(n - 1).size() * 2);
            for (Map.Entry<Object, Builder> e : counts.get(n - 1).entrySet()) {
                stats.put(e.getKey(), e.getValue().build(d));
            }
            levels.add(stats);
        }

        int size = words.size();
        double[] unigram = new double[size];
        ContextStats uni = levels.get(0).get(keys.key(new int[0], 0, 0));
        double floor = 1.0 / (size - 1);
        for (int w = 0; w < size; w++) {
            if (w == BOS_ID) {
                continue;
            }
            unigram[w] = uni == null ? floor : uni.discounted(w) + uni.gamma * floor;
        }
        return new KneserNeyModel(order, words.toArray(new String[0]), ids, tokens, levels, keys, unigram);
    }

    /** p(word | context): the last order−1 tokens of the context count, padded with {@code <s>}. */
    public double probability(List<String> context, String word) {
        int w = idOf(word);
        if (w == BOS_ID) {
            return 0.0;
        }
        return probability(history(context), w);
    }

    /** Natural log of {@link #probability}. */
    public double logProbability(List<String> context, String word) {
        return Math.log(probability(context, word));
    }

    /**
     * Perplexity exp(−(Σ ln p)/N) over every token of the sequences and one {@code </s>} per sequence,
     * each sequence starting from the {@code <s>} padding; NaN when there is nothing to score.
     */
    public double perplexity(List<List<String>> sequences) {
        double logSum = 0;
        long n = 0;
        int[] history = new int[order - 1];
        for (List<String> sequence : sequences) {
            Arrays.fill(history, BOS_ID);
            for (int i = 0; i <= sequence.size(); i++) {
                int w = i < sequence.size() ? idOf(sequence.get(i)) : EOS_ID;
                if (w == BOS_ID) {
                    w = UNK_ID; // a literal "<s>" inside text is just an unknown word
                }
                logSum += Math.log(probability(history, w));
                n++;
                shift(history, w);
            }
        }
        return n == 0 ? Double.NaN : Math.exp(-logSum / n);
    }

    /**
     * Continues after {@code prefix} (context only, not returned) until {@code </s>} or
     * {@code maxTokens} tokens; never emits {@code <s>} or {@code <unk>}.
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
     * draw is O(log |W|) expected. Deterministic for a given rng state.
     */
    public List<String> sample(List<String> prefix, Sampling sampling, RandomGenerator rng) {
        int[] history = history(prefix);
        List<String> out = new ArrayList<>();
        if (sampling.temperature() == 1.0 && sampling.topP() == 1.0) {
            while (out.size() < sampling.maxTokens()) {
                int w = drawMixture(history, rng);
                if (w < 0 || w == EOS_ID) {
                    break;
                }
                out.add(words[w]);
                shift(history, w);
            }
            return out;
        }
        Tempered tempered = cache.tempered(sampling.temperature());
        while (out.size() < sampling.maxTokens()) {
            Distribution d = distribution(history, sampling, tempered);
            int w = d.draw(rng, tempered);
            if (w < 0 || w == EOS_ID) {
                break;
            }
            out.add(words[w]);
            shift(history, w);
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
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int w = -1;
            for (int n = order; n >= 2 && w < 0; n--) {
                ContextStats stats = levels.get(n - 1).get(keys.key(history, history.length - (n - 1), n - 1));
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

    /** The model's order n (it conditions on n−1 tokens). */
    public int order() {
        return order;
    }

    /** Number of word types the model knows, not counting the markers {@code <s>}, {@code </s>}, {@code <unk>}. */
    public int vocabularySize() {
        return words.length - 3;
    }

    /** Number of training tokens (words, including those mapped to {@code <unk>}; markers not counted). */
    public long tokenCount() {
        return tokenCount;
    }

    // ---------------------------------------------------------------------------------------------
    // probability

    private int idOf(String word) {
        Integer id = ids.get(word);
        return id == null ? UNK_ID : id;
    }

    private int[] history(List<String> context) {
        int[] history = new int[order - 1];
        Arrays.fill(history, BOS_ID);
        int take = Math.min(order - 1, context == null ? 0 : context.size());
        for (int i = 0; i < take; i++) {
            String token = context.get(context.size() - take + i);
            history[order - 1 - take + i] = BOS.equals(token) ? BOS_ID : idOf(token);
        }
        return history;
    }

    private static void shift(int[] history, int w) {
        if (history.length == 0) {
            return;
        }
        System.arraycopy(history, 1, history, 0, history.length - 1);
        history[history.length - 1] = w;
    }

    /** Interpolates from the unigram level up; an unseen context leaves the lower-order value as it is. */
    private double probability(int[] history, int w) {
        double p = unigram[w];
        for (int n = 2; n <= order; n++) {
            ContextStats stats = levels.get(n - 1).get(keys.key(history, history.length - (n - 1), n - 1));
            if (stats == null) {
                break; // a longer context containing an unseen one is unseen too
            }
            p = stats.discounted(w) + stats.gamma * p;
        }
        return p;
    }

    // ---------------------------------------------------------------------------------------------
    // training helpers

    private static Builder builder(Map<Object, Builder> level, ContextKeys keys, int[] seq, int start, int length) {
        Object key = keys.key(seq, start, length);
        Builder b = level.get(key);
        if (b == null) {
            b = new Builder(Arrays.copyOfRange(seq, start, start + length));
            level.put(key, b);
        }
        return b;
    }

    /** Chen &amp; Goodman's D1, D2, D3+ from the count-of-counts, with the k/2 fallback (see class doc). */
    static double[] discounts(Iterable<Builder> builders) {
        long[] n = new long[5];
        for (Builder b : builders) {
            for (int[] c : b.counts.values()) {
                if (c[0] <= 4) {
                    n[c[0]]++;
                }
            }
        }
        return discounts(n[1], n[2], n[3], n[4]);
    }

    /** The three discounts from count-of-counts n1..n4; public for tests and documentation of the rule. */
    public static double[] discounts(long n1, long n2, long n3, long n4) {
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

    /** Mutable counts of one context during training. */
    private static final class Builder {
        final int[] context;
        final Map<Integer, int[]> counts = new LinkedHashMap<>();

        Builder(int[] context) {
            this.context = context;
        }

        void add(int word, int by) {
            counts.computeIfAbsent(word, k -> new int[1])[0] += by;
        }

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

    /** Successors of one context: word ids (sorted), their discounted probabilities, and γ(h). */
    private static final class ContextStats {
        final int[] words;
        final double[] discounted;
        final double[] cumulative; // cumulative[i + 1] = Σ_{j<=i} discounted[j]; the last is 1 − γ
        final double gamma;

        ContextStats(int[] words, double[] discounted, double gamma) {
            this.words = words;
            this.discounted = discounted;
            this.gamma = gamma;
            this.cumulative = new double[discounted.length + 1];
            for (int i = 0; i < discounted.length; i++) {
                cumulative[i + 1] = cumulative[i] + discounted[i];
            }
        }

        double discounted(int w) {
            int i = Arrays.binarySearch(words, w);
            return i >= 0 ? discounted[i] : 0.0;
        }
    }

    /** Context keys: a packed long when the ids fit, an int-array wrapper otherwise. */
    private static final class ContextKeys {
        final int bits;
        final boolean packed;

        ContextKeys(int idCount, int maxLength) {
            int b = 64 - Long.numberOfLeadingZeros(Math.max(1, idCount));
            this.bits = b;
            // one extra slot of 4 bits tells lengths apart
            this.packed = (long) b * maxLength + 4 <= 63;
        }

        Object key(int[] seq, int start, int length) {
            if (packed) {
                long k = length;
                for (int i = 0; i < length; i++) {
                    k = (k << bits) | seq[start + i];
                }
                return k;
            }
            return new IntSeq(Arrays.copyOfRange(seq, start, start + length));
        }
    }

    private record IntSeq(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntSeq other && Arrays.equals(ids, other.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // sampling

    /** The global unigram, tempered by 1/T, in descending p_1 order with prefix sums. */
    final class Tempered {
        final double temperature;
        final int[] byRank;        // rank -> id, over W without <unk>
        final int[] rankOf;        // id -> rank, −1 for <s> and <unk>
        final double[] value;      // rank -> p_1^(1/T)
        final double[] prefix;     // prefix[r] = Σ_{q<r} value[q]

        Tempered(double temperature) {
            this.temperature = temperature;
            Integer[] order = new Integer[words.length];
            int m = 0;
            for (int w = 0; w < words.length; w++) {
                if (w != BOS_ID && w != UNK_ID) {
                    order[m++] = w;
                }
            }
            Integer[] ranked = Arrays.copyOf(order, m);
            Arrays.sort(ranked, (a, b) -> {
                int c = Double.compare(unigram[b], unigram[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            byRank = new int[m];
            rankOf = new int[words.length];
            Arrays.fill(rankOf, -1);
            value = new double[m];
            prefix = new double[m + 1];
            double inv = 1.0 / temperature;
            for (int r = 0; r < m; r++) {
                byRank[r] = ranked[r];
                rankOf[ranked[r]] = r;
                value[r] = Math.pow(unigram[ranked[r]], inv);
                prefix[r + 1] = prefix[r] + value[r];
            }
        }

        /** Number of ranks whose tempered value is &ge; v (values are non-increasing in rank). */
        int countAtLeast(double v) {
            int lo = 0;
            int hi = value.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (value[mid] >= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private Distribution distribution(int[] history, Sampling sampling, Tempered tempered) {
        // the longest seen suffix decides the distribution, so contexts that back off share one entry
        int seen = 0;
        for (int n = order; n >= 2; n--) {
            if (levels.get(n - 1).containsKey(keys.key(history, history.length - (n - 1), n - 1))) {
                seen = n - 1;
                break;
            }
        }
        Object key = keys.key(history, history.length - seen, seen);
        CacheKey cacheKey = new CacheKey(key, sampling.temperature(), sampling.topP());
        Distribution d = (Distribution) cache.get(cacheKey);
        if (d == null) {
            int baseLength = Math.max(0, seen - 1);
            Object baseKey = keys.key(history, history.length - baseLength, baseLength);
            CacheKey baseCacheKey = new CacheKey(baseKey, sampling.temperature(), -1.0);
            Base base = (Base) cache.get(baseCacheKey);
            if (base == null) {
                base = new Base(history, baseLength, tempered);
                cache.put(baseCacheKey, base);
            }
            d = new Distribution(history, seen, sampling.topP(), tempered, base);
            cache.put(cacheKey, d);
        }
        return d;
    }

    /** topP is −1 for the entry of a {@link Base}. */
    private record CacheKey(Object context, double temperature, double topP) {
    }

    private interface Sized {
        int size();
    }

    /** Bounded LRU cache of per-context distributions and bases, plus the tempered unigram per temperature. */
    private final class SamplingCache {
        private final Map<Double, Tempered> tempered = new HashMap<>();
        private long candidates;
        private final LinkedHashMap<CacheKey, Sized> entries = new LinkedHashMap<>(1024, 0.75f, true);

        synchronized Tempered tempered(double temperature) {
            return tempered.computeIfAbsent(temperature, Tempered::new);
        }

        synchronized Sized get(CacheKey key) {
            return entries.get(key);
        }

        synchronized void put(CacheKey key, Sized d) {
            Sized old = entries.put(key, d);
            if (old != null) {
                candidates -= old.size();
            }
            candidates += d.size();
            var it = entries.entrySet().iterator();
            while (candidates > CACHE_CANDIDATE_BUDGET && it.hasNext()) {
                var e = it.next();
                if (e.getValue() == d) {
                    continue;
                }
                candidates -= e.getValue().size();
                it.remove();
            }
        }
    }

    /**
     * The untruncated distribution q(w) = c'(w) + Λ'·p_1(w) of a context h' (the suffix of a sampling
     * context), tempered: its candidates S' (successors of h' and its suffixes, without {@code <unk>}) in
     * descending q^(1/T) with prefix sums, and their global unigram ranks for skipping them in the remainder.
     */
    private final class Base implements Sized {
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

        Base(int[] history, int length, Tempered t) {
            Map<Integer, double[]> mass = new HashMap<>();
            double lam = 1.0;
            for (int n = length + 1; n >= 2; n--) {
                ContextStats stats = levels.get(n - 1).get(keys.key(history, history.length - (n - 1), n - 1));
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

        double q(int w) {
            int i = indexOf(w);
            return i >= 0 ? qById[i] : lambda * unigram[w];
        }

        /** Number of candidates with tempered value &ge; y. */
        int count(double y) {
            return countDescending(valueT, y);
        }

        /** Tempered unigram mass of the global ranks [0, c) outside S' (not yet scaled by Λ'^(1/T)). */
        double remainder(int c, Tempered t) {
            return t.prefix[c] - excludedPrefix[lowerBound(excludedRank, c)];
        }

        @Override
        public int size() {
            return 3 * sortedIds.length + 8;
        }
    }

    /**
     * The tempered, nucleus-truncated next-word distribution of one context h (see {@link #sample}). With the
     * top level's successors K (discounted mass a(w), backoff γ) and the base q of the suffix h':
     * p(w) = a(w) + γ·q(w) on K, γ·q(w) elsewhere; so beyond K the ranking is the base's, scaled by γ^(1/T).
     * The nucleus is a value threshold x*, found by bisection over the tempered mass above a threshold,
     * which prefix sums give in O(log |W|); ties at x* in the unigram remainder are cut in rank order.
     */
    private final class Distribution implements Sized {
        final int[] topIds;           // K without <unk>, descending tempered value
        final double[] topCum;
        final int[] topSorted;        // K by id, for membership
        final double[] topSq;         // q^(1/T) of K ∩ S', descending
        final double[] topSqPrefix;
        final int[] topUniRank;       // global ranks of K \ S', ascending
        final double[] topUniPrefix;  // prefix of t.value over topUniRank
        final double gammaT;
        final Base base;
        // the kept parts
        final int keptTop;
        final int keptS;              // base candidates [0, keptS) (K members among them are skipped)
        final int cutRank;            // global ranks [0, cutRank) (S' and K members are skipped)
        final double topMass;
        final double sMass;
        final double uMass;

        Distribution(int[] history, int seen, double topP, Tempered t, Base base) {
            this.base = base;
            double inv = 1.0 / t.temperature;
            ContextStats stats = seen == 0 ? null
                    : levels.get(seen).get(keys.key(history, history.length - seen, seen));
            double gamma = stats == null ? 1.0 : stats.gamma;
            gammaT = Math.pow(gamma, inv);
            int k = stats == null ? 0 : stats.words.length;
            int[] ids = new int[k];
            double[] vals = new double[k];
            double[] sq = new double[k];
            int[] uniRanks = new int[k];
            int s = 0;
            int nsq = 0;
            int nuni = 0;
            for (int i = 0; i < k; i++) {
                int w = stats.words[i];
                if (w == UNK_ID || w == BOS_ID || t.rankOf[w] < 0) {
                    continue;
                }
                ids[s] = w;
                int bi = base.indexOf(w);
                double q = bi >= 0 ? base.qById[bi] : base.lambda * unigram[w];
                vals[s] = Math.pow(stats.discounted[i] + gamma * q, inv);
                s++;
                if (bi >= 0) {
                    sq[nsq++] = base.qTById[bi];
                } else {
                    uniRanks[nuni++] = t.rankOf[w];
                }
            }
            Integer[] idx = new Integer[s];
            for (int i = 0; i < s; i++) {
                idx[i] = i;
            }
            final int[] fids = ids;
            final double[] fvals = vals;
            Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(fvals[b], fvals[a]);
                return c != 0 ? c : Integer.compare(fids[a], fids[b]);
            });
            topIds = new int[s];
            topCum = new double[s + 1];
            double[] topVal = new double[s];
            for (int i = 0; i < s; i++) {
                topIds[i] = ids[idx[i]];
                topVal[i] = vals[idx[i]];
                topCum[i + 1] = topCum[i] + topVal[i];
            }
            topSorted = Arrays.copyOf(ids, s);
            Arrays.sort(topSorted);
            topSq = Arrays.copyOf(sq, nsq);
            Arrays.sort(topSq);
            for (int i = 0, j = nsq - 1; i < j; i++, j--) {
                double tmp = topSq[i];
                topSq[i] = topSq[j];
                topSq[j] = tmp;
            }
            topSqPrefix = new double[nsq + 1];
            for (int i = 0; i < nsq; i++) {
                topSqPrefix[i + 1] = topSqPrefix[i] + topSq[i];
            }
            topUniRank = Arrays.copyOf(uniRanks, nuni);
            Arrays.sort(topUniRank);
            topUniPrefix = new double[nuni + 1];
            for (int i = 0; i < nuni; i++) {
                topUniPrefix[i + 1] = topUniPrefix[i] + t.value[topUniRank[i]];
            }

            int all = t.value.length;
            int kT;
            int kS;
            int kTS;
            int cut;
            if (topP >= 1.0) {
                kT = s;
                kS = base.valueT.length;
                kTS = topSq.length;
                cut = all;
            } else {
                double total = mass(0.0, t, topVal);
                double target = topP * total;
                long lo = 0L; // bits of 0.0: mass(0) = total >= target
                long hi = Double.doubleToLongBits(Double.POSITIVE_INFINITY);
                while (hi - lo > 1) {
                    long mid = (lo + hi) >>> 1;
                    if (mass(Double.longBitsToDouble(mid), t, topVal) >= target) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                // everything valued above x* is kept; the words tied at x* are taken one by one until the
                // mass reaches the target: the remainder's in rank order, then the base candidates', then K's
                double x = Double.longBitsToDouble(lo);
                double y = gammaT > 0 ? x / gammaT : Double.POSITIVE_INFINITY;
                double z = base.lambdaT > 0 ? y / base.lambdaT : Double.POSITIVE_INFINITY;
                // "above x*" is "at least the next double": the same derived thresholds as the bisection
                double xs = Math.nextUp(x);
                double ys = gammaT > 0 ? xs / gammaT : Double.POSITIVE_INFINITY;
                double zs = base.lambdaT > 0 ? ys / base.lambdaT : Double.POSITIVE_INFINITY;
                double above = mass(xs, t, topVal);
                int c0 = uniCount(zs, t);
                int c1 = uniCount(z, t);
                double scale = gammaT * base.lambdaT;
                double u0 = uniNet(c0, t);
                kT = countDescending(topVal, xs);
                kS = base.count(ys);
                kTS = countDescending(topSq, ys);
                if (above + scale * (uniNet(c1, t) - u0) >= target) {
                    int a = c0;
                    int b = c1;
                    while (a < b) {
                        int mid = (a + b) >>> 1;
                        if (above + scale * (uniNet(mid, t) - u0) >= target) {
                            b = mid;
                        } else {
                            a = mid + 1;
                        }
                    }
                    cut = a;
                } else {
                    cut = c1;
                    double acc = above + scale * (uniNet(c1, t) - u0);
                    int kS1 = base.count(y);
                    boolean done = false;
                    while (kS < kS1 && !done) {
                        int w = base.byValue[kS];
                        if (isTop(w)) {
                            kTS++;
                        } else {
                            acc += gammaT * base.valueT[kS];
                            done = acc >= target;
                        }
                        kS++;
                    }
                    if (!done) {
                        int kT1 = countDescending(topVal, x);
                        int a = kT;
                        int b = kT1;
                        double start = topCum[kT];
                        while (a < b) {
                            int mid = (a + b) >>> 1;
                            if (acc + topCum[mid] - start >= target) {
                                b = mid;
                            } else {
                                a = mid + 1;
                            }
                        }
                        kT = a;
                    }
                }
            }
            keptTop = kT;
            keptS = kS;
            cutRank = cut;
            topMass = topCum[kT];
            double sm = kS - kTS > 0 ? gammaT * (base.prefix[kS] - topSqPrefix[kTS]) : 0.0;
            sMass = Math.max(0.0, sm);
            int freeRanks = cut - lowerBound(base.excludedRank, cut) - lowerBound(topUniRank, cut);
            double um = freeRanks > 0 ? gammaT * base.lambdaT * uniNet(cut, t) : 0.0;
            uMass = Math.max(0.0, um);
        }

        private int uniCount(double z, Tempered t) {
            return z == Double.POSITIVE_INFINITY ? 0 : t.countAtLeast(z);
        }

        /** Tempered unigram mass of ranks [0, c) outside S' and K, unscaled. */
        private double uniNet(int c, Tempered t) {
            return base.remainder(c, t) - topUniPrefix[lowerBound(topUniRank, c)];
        }

        /** Tempered mass of the words whose value is &ge; x (the base parts compared through x/γ^(1/T)). */
        private double mass(double x, Tempered t, double[] topVal) {
            double y = gammaT > 0 ? x / gammaT : Double.POSITIVE_INFINITY;
            double z = base.lambdaT > 0 ? y / base.lambdaT : Double.POSITIVE_INFINITY;
            double m = topCum[countDescending(topVal, x)];
            double sPart = base.prefix[base.count(y)] - topSqPrefix[countDescending(topSq, y)];
            double uPart = base.lambdaT > 0 ? base.lambdaT * uniNet(uniCount(z, t), t) : 0.0;
            return m + (gammaT > 0 ? gammaT * (sPart + uPart) : 0.0);
        }

        private boolean isTop(int w) {
            return Arrays.binarySearch(topSorted, w) >= 0;
        }

        @Override
        public int size() {
            return 2 * topIds.length + 8;
        }

        int draw(RandomGenerator rng, Tempered t) {
            double total = topMass + sMass + uMass;
            if (!(total > 0)) {
                return -1;
            }
            double u = rng.nextDouble() * total;
            if (u < topMass) {
                int i = upperBound(topCum, u) - 1;
                return topIds[Math.max(0, Math.min(i, keptTop - 1))];
            }
            // the other parts: draw from the whole range and redraw on skipped words (exact conditioning)
            if (u < topMass + sMass || uMass <= 0) {
                double gross = base.prefix[keptS];
                for (int attempt = 0; attempt < 100_000 && keptS > 0; attempt++) {
                    int i = upperBound(base.prefix, rng.nextDouble() * gross) - 1;
                    int w = base.byValue[Math.max(0, Math.min(i, keptS - 1))];
                    if (!isTop(w)) {
                        return w;
                    }
                }
            }
            if (uMass > 0) {
                double gross = t.prefix[cutRank];
                for (int attempt = 0; attempt < 100_000; attempt++) {
                    int r = upperBound(t.prefix, rng.nextDouble() * gross) - 1;
                    int w = t.byRank[Math.max(0, Math.min(r, cutRank - 1))];
                    if (base.indexOf(w) < 0 && !isTop(w)) {
                        return w;
                    }
                }
            }
            return keptTop > 0 ? topIds[0] : -1;
        }
    }

    /** Number of leading entries of a descending array that are &ge; v. */
    private static int countDescending(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] >= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element &ge; key in a sorted array. */
    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element &gt; key in a sorted array. */
    private static int upperBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
