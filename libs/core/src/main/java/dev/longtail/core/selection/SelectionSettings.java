package dev.longtail.core.selection;

/**
 * Knobs of {@link TailPreservingCuration}: the n-gram order whose profile the selection matches, the
 * smoothing of the matching objective, the gain subtracted per n-gram the reference lacks, the number of line-length strata, the shingle size and Jaccard
 * threshold of near duplicates (among candidates and against the real reference), and the largest share of
 * repeated word trigrams a candidate may have.
 */
public record SelectionSettings(int maxOrder, double smoothing, double novelPenalty, int lengthStrata, int shingleSize,
                                double copyThreshold, double maxRepeatedNgramShare) {

    /**
     * Trigram profile (the embedded model's order), smoothing 0.02 (a still-missing real n-gram is worth 50
     * times its real count: coverage first, which measured best), no novelty penalty (penalising n-grams the
     * reference lacks made held-out perplexity worse: they are also the model's smoothing mass), 10 length strata (deciles of real line
     * length), word 5-gram shingles, copies of a real line at Jaccard 0.8, at most 30% repeated trigrams.
     */
    public static final SelectionSettings DEFAULTS = new SelectionSettings(3, 0.02, 0.0, 10, 5, 0.8, 0.3);

    /** Validates every knob's range. */
    public SelectionSettings {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("maxOrder must be >= 1, was " + maxOrder);
        }
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be > 0, was " + smoothing);
        }
        if (!Double.isFinite(novelPenalty)) {
            throw new IllegalArgumentException("novelPenalty must be finite, was " + novelPenalty);
        }
        if (lengthStrata < 1) {
            throw new IllegalArgumentException("lengthStrata must be >= 1, was " + lengthStrata);
        }
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be >= 1, was " + shingleSize);
        }
        if (!(copyThreshold > 0 && copyThreshold <= 1)) {
            throw new IllegalArgumentException("copyThreshold must be in (0, 1], was " + copyThreshold);
        }
        if (!(maxRepeatedNgramShare > 0 && maxRepeatedNgramShare <= 1)) {
            throw new IllegalArgumentException("maxRepeatedNgramShare must be in (0, 1], was " + maxRepeatedNgramShare);
        }
    }
}
