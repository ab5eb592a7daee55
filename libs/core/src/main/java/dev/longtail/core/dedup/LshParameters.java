package dev.longtail.core.dedup;

/**
 * Banding of a MinHash signature for locality-sensitive hashing: {@code bands} bands of {@code rows} rows.
 * Two texts become candidates when all rows of at least one band agree, which happens with probability
 * 1 − (1 − s^r)^b for Jaccard similarity s (the S-curve; Leskovec, Rajaraman &amp; Ullman, "Mining of
 * Massive Datasets", ch. 3).
 */
public record LshParameters(int bands, int rows) {

    /** Weight of the false-positive area (pairs below the threshold that become candidates). */
    public static final double FALSE_POSITIVE_WEIGHT = 0.3;
    /** Weight of the false-negative area (pairs at or above the threshold that are missed). */
    public static final double FALSE_NEGATIVE_WEIGHT = 0.7;

    /** Smallest candidate probability accepted for a pair exactly at the threshold (issue 4: recall &ge; 0.95). */
    public static final double RECALL_AT_THRESHOLD = 0.95;

    private static final int INTEGRATION_STEPS = 200;

    /** Validates: bands &ge; 1, rows &ge; 1. */
    public LshParameters {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be >= 1, were " + bands + ", " + rows);
        }
    }

    /** Signature positions used by the banding (b·r). */
    public int signatureLength() {
        return bands * rows;
    }

    /** Probability that a pair with Jaccard similarity s becomes a candidate: 1 − (1 − s^r)^b. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    /**
     * The banding with b·r &le; permutations that minimises the weighted error area around the threshold t,
     * as datasketch's {@code _optimal_param}: w_fp·∫₀ᵗ P(s) ds + w_fn·∫ₜ¹ (1 − P(s)) ds. Unlike datasketch's
     * default 0.5/0.5 we weight false negatives 0.7 and false positives 0.3: a missed near duplicate enters
     * the dataset and feeds collapse, while a false candidate only costs one signature comparison (the
     * estimated Jaccard is checked against the threshold afterwards). The weighting alone still leaves
     * P(threshold) near 0.63 for (128, 0.8), so the search is restricted to bandings with
     * P(threshold) &ge; {@value #RECALL_AT_THRESHOLD}: since P rises with s, every pair at Jaccard &ge; threshold
     * then becomes a candidate with probability &ge; 0.95 (the recall target). When no banding reaches
     * it (very few permutations), the one with the highest P(threshold) is taken.
     */
    public static LshParameters forThreshold(int permutations, double threshold) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        double bestError = Double.POSITIVE_INFINITY;
        LshParameters best = null;
        LshParameters mostSensitive = new LshParameters(1, 1);
        for (int b = 1; b <= permutations; b++) {
            for (int r = 1; r <= permutations / b; r++) {
                LshParameters candidate = new LshParameters(b, r);
                double recall = candidate.candidateProbability(threshold);
                if (recall > mostSensitive.candidateProbability(threshold)) {
                    mostSensitive = candidate;
                }
                if (recall < RECALL_AT_THRESHOLD) {
                    continue;
                }
                double falsePositive = integrate(candidate, 0, threshold, false);
                double falseNegative = integrate(candidate, threshold, 1, true);
                double error = FALSE_POSITIVE_WEIGHT * falsePositive + FALSE_NEGATIVE_WEIGHT * falseNegative;
                if (error < bestError - 1e-15) {
                    bestError = error;
                    best = candidate;
                }
            }
        }
        return best != null ? best : mostSensitive;
    }

    /** Simpson's rule over [from, to] of P(s), or of 1 − P(s) when {@code complement}. */
    private static double integrate(LshParameters p, double from, double to, boolean complement) {
        if (to <= from) {
            return 0;
        }
        int n = INTEGRATION_STEPS;
        double h = (to - from) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double s = from + i * h;
            double v = p.candidateProbability(s);
            if (complement) {
                v = 1 - v;
            }
            double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * v;
        }
        return sum * h / 3;
    }
}
