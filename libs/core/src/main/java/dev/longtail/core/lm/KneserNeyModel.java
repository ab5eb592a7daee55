package dev.longtail.core.lm;

import java.util.List;
import java.util.Set;
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
 * <p>The model is a facade over its parts: {@link KneserNeyTrainer} (counting and discounts), the immutable
 * {@link NGramTables}, {@link KneserNeyScorer} (probabilities, perplexity) and {@link NucleusSampler} (exact
 * tempered, nucleus-truncated sampling). Instances are immutable apart from the sampler's bounded,
 * synchronised cache, and may be shared between threads.
 */
public final class KneserNeyModel {

    /** Start-of-sequence padding; never predicted, never emitted. */
    public static final String BOS = "<s>";
    /** End of sequence. */
    public static final String EOS = "</s>";
    /** Every word outside the vocabulary. */
    public static final String UNK = "<unk>";

    private final NGramTables tables;
    private final KneserNeyScorer scorer;
    private final NucleusSampler sampler;

    private KneserNeyModel(NGramTables tables) {
        this.tables = tables;
        this.scorer = new KneserNeyScorer(tables);
        this.sampler = new NucleusSampler(tables);
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
        return new KneserNeyModel(KneserNeyTrainer.train(sequences, order, vocabulary));
    }

    /** p(word | context): the last order−1 tokens of the context count, padded with {@code <s>}. */
    public double probability(List<String> context, String word) {
        return scorer.probability(context, word);
    }

    /** Natural log of {@link #probability}. */
    public double logProbability(List<String> context, String word) {
        return scorer.logProbability(context, word);
    }

    /**
     * Perplexity exp(−(Σ ln p)/N) over every token of the sequences and one {@code </s>} per sequence,
     * each sequence starting from the {@code <s>} padding; NaN when there is nothing to score.
     */
    public double perplexity(List<List<String>> sequences) {
        return scorer.perplexity(sequences);
    }

    /**
     * Continues after {@code prefix} (context only, not returned) until {@code </s>} or
     * {@code maxTokens} tokens; never emits {@code <s>} or {@code <unk>}. Exact draws from the tempered,
     * nucleus-truncated distribution (how: {@link NucleusSampler}); deterministic for a given rng state.
     */
    public List<String> sample(List<String> prefix, Sampling sampling, RandomGenerator rng) {
        return sampler.sample(prefix, sampling, rng);
    }

    /** The model's order n (it conditions on n−1 tokens). */
    public int order() {
        return tables.order;
    }

    /** Number of word types the model knows, not counting the markers {@code <s>}, {@code </s>}, {@code <unk>}. */
    public int vocabularySize() {
        return tables.words.length - 3;
    }

    /** Number of training tokens (words, including those mapped to {@code <unk>}; markers not counted). */
    public long tokenCount() {
        return tables.tokenCount;
    }

    /** The three discounts from count-of-counts n1..n4; public for tests and documentation of the rule. */
    public static double[] discounts(long n1, long n2, long n3, long n4) {
        return KneserNeyTrainer.discounts(n1, n2, n3, n4);
    }
}
