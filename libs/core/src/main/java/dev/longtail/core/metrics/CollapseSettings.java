package dev.longtail.core.metrics;

/**
 * How the collapse metrics are measured: the Kneser-Ney order of the perplexity model, which reference
 * n-grams are its tail, Self-BLEU's order and sample, the number of texts embedded per corpus (0 turns the
 * embedding metrics off), the number of reference clusters, the bins of the histograms, the seed of every
 * sample drawn, and the token count of the fixed-count distinct-n ({@link FixedCountDistinct}).
 */
public record CollapseSettings(int ngramOrder, int tailN, int tailMaxCount, int selfBleuMaxN, int selfBleuSample,
                               int embeddingSample, int clusters, int histogramBins, long seed, int fixedCountTokens) {

    /** Tokens of the fixed-count distinct-n unless given. */
    public static final int DEFAULT_FIXED_COUNT_TOKENS = 2000;

    /** Order 3, tail = bigrams seen ≤ 2 times, Self-BLEU-4 on 500 texts, 2,000 texts embedded, 16 clusters, deciles,
     * distinct-2 at 2,000 tokens. */
    public static final CollapseSettings DEFAULTS = new CollapseSettings(3, 2, 2, 4, 500, 2000, 16, 10, 42L);

    public CollapseSettings {
        if (ngramOrder < 1 || tailN < 1 || tailMaxCount < 1 || selfBleuMaxN < 1 || selfBleuSample < 2
                || embeddingSample < 0 || clusters < 1 || histogramBins < 2 || fixedCountTokens < 2) {
            throw new IllegalArgumentException("invalid collapse settings: ngramOrder, tailN, tailMaxCount, selfBleuMaxN,"
                    + " clusters >= 1; selfBleuSample, fixedCountTokens >= 2; embeddingSample >= 0; histogramBins >= 2");
        }
    }

    /** The settings with the default fixed-count distinct-n ({@value #DEFAULT_FIXED_COUNT_TOKENS} tokens). */
    public CollapseSettings(int ngramOrder, int tailN, int tailMaxCount, int selfBleuMaxN, int selfBleuSample,
                            int embeddingSample, int clusters, int histogramBins, long seed) {
        this(ngramOrder, tailN, tailMaxCount, selfBleuMaxN, selfBleuSample, embeddingSample, clusters, histogramBins,
                seed, DEFAULT_FIXED_COUNT_TOKENS);
    }

    /** The same settings with another embedding sample size (0 = no embedding metrics). */
    public CollapseSettings withEmbeddingSample(int size) {
        return new CollapseSettings(ngramOrder, tailN, tailMaxCount, selfBleuMaxN, selfBleuSample, size, clusters,
                histogramBins, seed, fixedCountTokens);
    }
}
