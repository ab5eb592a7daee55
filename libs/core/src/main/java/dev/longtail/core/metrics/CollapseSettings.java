package dev.longtail.core.metrics;

/**
 * How the collapse metrics are measured: the Kneser-Ney order of the perplexity model, which reference
 * n-grams are its tail, Self-BLEU's order and sample, the number of texts embedded per corpus (0 turns the
 * embedding metrics off), the number of reference clusters, the bins of the histograms, and the seed of every
 * sample drawn.
 */
public record CollapseSettings(int ngramOrder, int tailN, int tailMaxCount, int selfBleuMaxN, int selfBleuSample,
                               int embeddingSample, int clusters, int histogramBins, long seed) {

    /** Order 3, tail = bigrams seen ≤ 2 times, Self-BLEU-4 on 500 texts, 2,000 texts embedded, 16 clusters, deciles. */
    public static final CollapseSettings DEFAULTS = new CollapseSettings(3, 2, 2, 4, 500, 2000, 16, 10, 42L);

    public CollapseSettings {
        if (ngramOrder < 1 || tailN < 1 || tailMaxCount < 1 || selfBleuMaxN < 1 || selfBleuSample < 2
                || embeddingSample < 0 || clusters < 1 || histogramBins < 2) {
            throw new IllegalArgumentException("invalid collapse settings: ngramOrder, tailN, tailMaxCount, selfBleuMaxN,"
                    + " clusters >= 1; selfBleuSample >= 2; embeddingSample >= 0; histogramBins >= 2");
        }
    }

    /** The same settings with another embedding sample size (0 = no embedding metrics). */
    public CollapseSettings withEmbeddingSample(int size) {
        return new CollapseSettings(ngramOrder, tailN, tailMaxCount, selfBleuMaxN, selfBleuSample, size, clusters,
                histogramBins, seed);
    }
}
