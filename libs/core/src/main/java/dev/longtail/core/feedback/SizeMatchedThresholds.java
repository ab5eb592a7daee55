package dev.longtail.core.feedback;

/**
 * Limits of {@link SizeMatchedPolicy}: each signal of a dataset against what real samples of its size get
 * ({@code dev.longtail.core.metrics.SizeMatchedReference}). Ratios are dataset / expected; rises and losses are
 * absolute differences. The real samples are real text and the dataset usually is not: a healthy synthetic set is
 * somewhat more repetitive and reaches fewer rare n-grams than real text, so these limits are looser than the loop's,
 * which compare synthetic generations with each other.
 *
 * @param driftingDistinct2Ratio     distinct-2 / expected at or below which the dataset is drifting
 * @param collapsingDistinct2Ratio   … collapsing
 * @param driftingSelfBleuRatio      Self-BLEU / expected at or above which it is drifting
 * @param collapsingSelfBleuRatio    … collapsing
 * @param driftingVendiRatio         Vendi score / expected at or below which it is drifting
 * @param collapsingVendiRatio       … collapsing
 * @param driftingTailRatio          tail coverage (the reference's and the held-out texts') / expected: drifting
 * @param collapsingTailRatio        … collapsing
 * @param driftingRareClusterRatio   rare clusters present / expected: drifting
 * @param collapsingRareClusterRatio … collapsing
 * @param driftingCategoryLoss       share of the reference whose categories are missing, beyond the expected: drifting
 * @param collapsingCategoryLoss     … collapsing
 * @param driftingPerplexityRatio    held-out perplexity / expected at or above which it is drifting
 * @param collapsingPerplexityRatio  … collapsing
 * @param driftingLengthRatio        mean words / expected at or below which it is drifting
 * @param collapsingLengthRatio      … collapsing
 * @param collapsingMedianWords      median words per text at or below which it is collapsing outright
 * @param overProbableRise           over-probable share above the expected that is drifting
 * @param implausibleRise            implausible share above the expected that is drifting
 * @param driftingMinorityRatio      minority categories' ratio / expected at or below which it is drifting
 */
public record SizeMatchedThresholds(double driftingDistinct2Ratio, double collapsingDistinct2Ratio,
                                    double driftingSelfBleuRatio, double collapsingSelfBleuRatio,
                                    double driftingVendiRatio, double collapsingVendiRatio,
                                    double driftingTailRatio, double collapsingTailRatio,
                                    double driftingRareClusterRatio, double collapsingRareClusterRatio,
                                    double driftingCategoryLoss, double collapsingCategoryLoss,
                                    double driftingPerplexityRatio, double collapsingPerplexityRatio,
                                    double driftingLengthRatio, double collapsingLengthRatio,
                                    double collapsingMedianWords, double overProbableRise, double implausibleRise,
                                    double driftingMinorityRatio) {

    /**
     * distinct-2 ×0.8 / ×0.5; Self-BLEU ×2 / ×5; Vendi ×0.8 / ×0.5; tails ×0.6 / ×0.3; rare clusters ×0.5 / ×0.2;
     * categories +0.1 / +0.3 of the reference missing; perplexity ×1.5 / ×2.5; length ×0.7 / ×0.4, median ≤ 2 words;
     * over-probable +0.2; implausible +0.1 (and two standard errors of a share of that many texts); minority
     * categories ×0.5.
     */
    public static final SizeMatchedThresholds DEFAULTS = new SizeMatchedThresholds(0.8, 0.5, 2.0, 5.0, 0.8, 0.5, 0.6,
            0.3, 0.5, 0.2, 0.1, 0.3, 1.5, 2.5, 0.7, 0.4, 2, 0.2, 0.1, 0.5);

    public SizeMatchedThresholds {
        if (!below(collapsingDistinct2Ratio, driftingDistinct2Ratio) || !below(collapsingVendiRatio, driftingVendiRatio)
                || !below(collapsingTailRatio, driftingTailRatio)
                || !below(collapsingRareClusterRatio, driftingRareClusterRatio)
                || !below(collapsingLengthRatio, driftingLengthRatio)
                || !(1 < driftingSelfBleuRatio && driftingSelfBleuRatio <= collapsingSelfBleuRatio)
                || !(1 < driftingPerplexityRatio && driftingPerplexityRatio <= collapsingPerplexityRatio)
                || !(0 < driftingCategoryLoss && driftingCategoryLoss <= collapsingCategoryLoss && collapsingCategoryLoss <= 1)
                || !(collapsingMedianWords >= 0) || !(overProbableRise > 0) || !(implausibleRise > 0)
                || !(driftingMinorityRatio > 0 && driftingMinorityRatio < 1)) {
            throw new IllegalArgumentException("invalid size-matched thresholds: each collapsing limit must be at or"
                    + " beyond its drifting limit, ratios that fall in (0, 1), ratios that rise above 1, losses in (0, 1]");
        }
    }

    private static boolean below(double collapsing, double drifting) {
        return 0 < collapsing && collapsing <= drifting && drifting < 1;
    }
}
