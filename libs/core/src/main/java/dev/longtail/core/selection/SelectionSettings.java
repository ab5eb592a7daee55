package dev.longtail.core.selection;

/**
 * Knobs of {@link TailPreservingCuration}: the n-gram order whose profile the selection matches, the
 * smoothing of the matching objective, the gain subtracted per n-gram the reference lacks, the number of
 * length strata, the shingle size and Jaccard threshold of near duplicates (among candidates and against the
 * real reference), the largest share of repeated word trigrams a candidate may have, the sentence validity
 * threshold (share of a sentence's n-grams the reference must attest, 0 = off), the selection unit (whole
 * lines, or whole sentences or clauses packed into lines of real length), the largest share of the synthetic part
 * that may be carried over from the previous generation's synthetic lines (0 = every synthetic token fresh),
 * the order in which the units are chosen (by the objective, or at random: the matched-compute control) and how
 * a novelty bonus counts (every occurrence of an n-gram the reference lacks, or only its first in the selection).
 */
public record SelectionSettings(int maxOrder, double smoothing, double novelPenalty, int lengthStrata, int shingleSize,
                                double copyThreshold, double maxRepeatedNgramShare, double minAttestedShare,
                                Unit units, double maxCarriedShare, ChoiceOrder choiceOrder, Novelty novelty) {

    /** What the greedy selection chooses. */
    public enum Unit {
        /** Whole candidate lines, stratified by real line length. */
        LINE,
        /**
         * Whole sentences of the candidate lines, stratified by real sentence length, then packed in generation
         * order into lines whose lengths follow the real line lengths; anchors likewise from real sentences.
         */
        SENTENCE,
        /**
         * Clauses: sentences cut after a {@code ,}, {@code ;} or {@code :} into pieces of at least 6 tokens (at
         * least 4 left for the rest), chosen, packed and anchored like sentences. Finer units give the objective
         * more leverage on the n-gram statistics.
         */
        CLAUSE
    }

    /** How the units are chosen within each length stratum. */
    public enum ChoiceOrder {
        /** By the profile-matching objective (lazy greedy): Longtail's selection. */
        OBJECTIVE,
        /**
         * In a seeded random order, anchors too: the control that sees the same screened candidates, units,
         * strata, carry-over cap and packing, so that only the choice differs (the collapse benchmark's
         * {@code random10x}). Needs a seed: {@link TailPreservingCuration#curate} only.
         */
        RANDOM
    }

    /** How a novelty bonus (a negative {@link #novelPenalty}) counts the n-grams the reference lacks. */
    public enum Novelty {
        /** Every occurrence of an unattested n-gram earns the bonus (a penalty always counts this way). */
        EVERY_OCCURRENCE,
        /**
         * Only an unattested n-gram the selection does not hold yet earns the bonus: it rewards new distinct
         * n-grams (what distinct-n counts), not the same novel n-gram again and again.
         */
        FIRST_OCCURRENCE
    }

    /**
     * Clause units (issue #15: finer than sentences, so the objective has more leverage), trigram profile (the
     * embedded model's order), smoothing 0.02 (a still-missing real n-gram is worth 50 times its real count: coverage
     * first), a bonus of 12 per n-gram real-train lacks counted on its first occurrence only (novelPenalty −12,
     * {@link Novelty#FIRST_OCCURRENCE}: keeps distinct-2 above anchor10's by rewarding new distinct n-grams, not the
     * same backoff noise again; a penalty or a validity threshold measured worse, as unattested n-grams are also the
     * model's smoothing mass), no validity threshold, 10 length strata (deciles), word 5-gram shingles, copies at
     * Jaccard 0.8, at most 30% repeated trigrams, and at most 80% of the synthetic part carried over from the
     * previous generation's synthetic lines (at least 20% is freshly sampled every generation). The collapse
     * benchmark's bench/README.md records how each knob was measured.
     */
    public static final SelectionSettings DEFAULTS = new SelectionSettings(3, 0.02, -12.0, 10, 5, 0.8, 0.3, 0.0,
            Unit.CLAUSE, 0.8, ChoiceOrder.OBJECTIVE, Novelty.FIRST_OCCURRENCE);

    /**
     * The defaults before issue #15: sentence units, a bonus of 10 on every occurrence, at most 60% carried over
     * (the collapse benchmark's earlier result).
     */
    public static final SelectionSettings SENTENCES_CARRY_60 =
            new SelectionSettings(3, 0.02, -10.0, 10, 5, 0.8, 0.3, 0.0, Unit.SENTENCE, 0.6);

    /** The earlier policy: whole lines, every synthetic token fresh each generation. */
    public static final SelectionSettings LINES_FRESH = new SelectionSettings(3, 0.02, 0.0, 10, 5, 0.8, 0.3);

    /** Chosen by the objective, a novelty bonus on every occurrence. */
    public SelectionSettings(int maxOrder, double smoothing, double novelPenalty, int lengthStrata, int shingleSize,
                             double copyThreshold, double maxRepeatedNgramShare, double minAttestedShare,
                             Unit units, double maxCarriedShare) {
        this(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold, maxRepeatedNgramShare,
                minAttestedShare, units, maxCarriedShare, ChoiceOrder.OBJECTIVE, Novelty.EVERY_OCCURRENCE);
    }

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
        if (choiceOrder == null) {
            throw new IllegalArgumentException("choiceOrder must be given");
        }
        if (novelty == null) {
            throw new IllegalArgumentException("novelty must be given");
        }
    }

    /** The same settings with another smoothing. */
    public SelectionSettings withSmoothing(double value) {
        return new SelectionSettings(maxOrder, value, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare, choiceOrder, novelty);
    }

    /** The same settings with another novelty penalty (negative: a bonus). */
    public SelectionSettings withNovelPenalty(double value) {
        return new SelectionSettings(maxOrder, smoothing, value, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare, choiceOrder, novelty);
    }

    /** The same settings with another sentence validity threshold. */
    public SelectionSettings withMinAttestedShare(double value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, value, units, maxCarriedShare, choiceOrder, novelty);
    }

    /** The same settings with another selection unit. */
    public SelectionSettings withUnits(Unit value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, value, maxCarriedShare, choiceOrder, novelty);
    }

    /** The same settings with another carry-over cap. */
    public SelectionSettings withMaxCarriedShare(double value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, value, choiceOrder, novelty);
    }

    /** The same settings with another choice order. */
    public SelectionSettings withChoiceOrder(ChoiceOrder value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare, value, novelty);
    }

    /** The same settings with another way of counting the novelty bonus. */
    public SelectionSettings withNovelty(Novelty value) {
        return new SelectionSettings(maxOrder, smoothing, novelPenalty, lengthStrata, shingleSize, copyThreshold,
                maxRepeatedNgramShare, minAttestedShare, units, maxCarriedShare, choiceOrder, value);
    }
}
