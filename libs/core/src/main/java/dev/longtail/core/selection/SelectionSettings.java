package dev.longtail.core.selection;

/**
 * Knobs of {@link TailPreservingCuration}: the n-gram order whose profile the selection matches, the
 * smoothing of the matching objective, the gain subtracted per n-gram the reference lacks, the number of
 * length strata, the shingle size and Jaccard threshold of near duplicates (among candidates and against the
 * real reference), the largest share of repeated word trigrams a candidate may have, the sentence validity
 * threshold (share of a sentence's n-grams the reference must attest, 0 = off), the selection unit (whole
 * lines, or whole sentences packed into lines of real length) and the largest share of the synthetic part
 * that may be carried over from the previous generation's synthetic lines (0 = every synthetic token fresh).
 */
public record SelectionSettings(int maxOrder, double smoothing, double novelPenalty, int lengthStrata, int shingleSize,
                                double copyThreshold, double maxRepeatedNgramShare, double minAttestedShare,
                                Unit units, double maxCarriedShare) {

    /** What the greedy selection chooses. */
    public enum Unit {
        /** Whole candidate lines, stratified by real line length. */
        LINE,
        /**
         * Whole sentences of the candidate lines, stratified by real sentence length, then packed in generation
         * order into lines whose lengths follow the real line lengths; anchors likewise from real sentences.
         */
        SENTENCE
    }

    /**
     * Sentence units, trigram profile (the embedded model's order), smoothing 0.02 (a still-missing real n-gram
     * is worth 50 times its real count: coverage first), a bonus of 10 per n-gram real-train lacks (novelPenalty
     * −10: keeps distinct-2 at anchor10's level at a small perplexity cost; a penalty or a validity threshold
     * measured worse, as unattested n-grams are also the model's smoothing mass), no validity threshold, 10
     * length strata (deciles), word 5-gram shingles, copies at Jaccard 0.8, at most 30% repeated trigrams, and
     * at most 60% of the synthetic part carried over from the previous generation's synthetic lines (at least
     * 40% is freshly sampled every generation).
     */
    public static final SelectionSettings DEFAULTS =
            new SelectionSettings(3, 0.02, -10.0, 10, 5, 0.8, 0.3, 0.0, Unit.SENTENCE, 0.6);

    /** The earlier policy: whole lines, every synthetic token fresh each generation. */
    public static final SelectionSettings LINES_FRESH = new SelectionSettings(3, 0.02, 0.0, 10, 5, 0.8, 0.3);

    /** Line units, no validity threshold, nothing carried over. */
    public SelectionSettings(int maxOrder, double smoothing, double novelPenalty, int lengthStrata, int shingleSize,
                             double copyThreshold, double maxRepeatedNgramShare) {
        this(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold, maxRepeatedNgramShare,
                0.0, Unit.LINE, 0.0);
    }

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
        if (!(minAttestedShare >= 0 && minAttestedShare <= 1)) {
            throw new IllegalArgumentException("minAttestedShare must be in [0, 1], was " + minAttestedShare);
        }
        if (units == null) {
            throw new IllegalArgumentException("units must be given");
        }
        if (!(maxCarriedShare >= 0 && maxCarriedShare <= 1)) {
            throw new IllegalArgumentException("maxCarriedShare must be in [0, 1], was " + maxCarriedShare);
        }
    }

    /** The same settings with another smoothing. */
    public SelectionSettings withSmoothing(double value) {
        return new SelectionSettings(maxOrder, value, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare);
    }

    /** The same settings with another novelty penalty (negative: a bonus). */
    public SelectionSettings withNovelPenalty(double value) {
        return new SelectionSettings(maxOrder, smoothing, value, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare);
    }

    /** The same settings with another sentence validity threshold. */
    public SelectionSettings withMinAttestedShare(double value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, value, units, maxCarriedShare);
    }

    /** The same settings with another selection unit. */
    public SelectionSettings withUnits(Unit value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, value, maxCarriedShare);
    }

    /** The same settings with another carry-over cap. */
    public SelectionSettings withMaxCarriedShare(double value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, value);
    }
}
