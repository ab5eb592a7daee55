package dev.longtail.core.feedback;

/**
 * Limits of the collapse signals beyond the six loop metrics (see {@link CollapsePolicy}). Ratios are to
 * generation 1 (what the loop has kept since it began) unless named otherwise; rises are absolute.
 *
 * @param selfBleuRiseTolerance      relative Self-BLEU rise over the previous generation tolerated (drifting beyond)
 * @param driftingVendiRatio         Vendi score / generation 1's at or below which the version is drifting
 * @param collapsingVendiRatio       … collapsing
 * @param driftingLengthRatio        mean words / generation 1's at or below which samples are shrinking (drifting)
 * @param collapsingLengthRatio      … collapsing
 * @param collapsingMedianWords      median words per sample at or below which the version is collapsing outright
 * @param overProbableRise           rise of the over-probable share over generation 1's that is drifting
 * @param implausibleRise            rise of the implausible share over generation 1's that is drifting
 * @param driftingRareClusterRatio   share of rare clusters present / generation 1's at or below which it is drifting
 * @param driftingMinorityRatio      minority categories' share / the reference's at or below which it is drifting
 * @param driftingFrechetRatio       embedding Fréchet distance / generation 1's at or above which it is drifting
 * @param driftingHeldOutTailRatio   held-out tail coverage / generation 1's at or below which it is drifting
 * @param collapsingHeldOutTailRatio … collapsing
 * @param driftingCategoryLoss       fall of category coverage (the reference's share whose categories the version
 *                                   holds) below generation 1's at or beyond which it is drifting
 */
public record CollapseThresholds(double selfBleuRiseTolerance, double driftingVendiRatio, double collapsingVendiRatio,
                                 double driftingLengthRatio, double collapsingLengthRatio, double collapsingMedianWords,
                                 double overProbableRise, double implausibleRise, double driftingRareClusterRatio,
                                 double driftingMinorityRatio, double driftingFrechetRatio,
                                 double driftingHeldOutTailRatio, double collapsingHeldOutTailRatio,
                                 double driftingCategoryLoss) {

    /** Self-BLEU +10 %; Vendi ×0.8 / ×0.5; length ×0.7 / ×0.4, median ≤ 2 words; over-probable +0.2; implausible +0.1;
     * rare clusters ×0.5; minority categories ×0.5; Fréchet ×2; held-out tail ×0.8 / ×0.5; categories −0.1. */
    public static final CollapseThresholds DEFAULTS =
            new CollapseThresholds(0.10, 0.8, 0.5, 0.7, 0.4, 2, 0.2, 0.1, 0.5, 0.5, 2.0, 0.8, 0.5, 0.1);

    /** The limits before held-out tails and category coverage were judged; those two take their defaults. */
    public CollapseThresholds(double selfBleuRiseTolerance, double driftingVendiRatio, double collapsingVendiRatio,
                              double driftingLengthRatio, double collapsingLengthRatio, double collapsingMedianWords,
                              double overProbableRise, double implausibleRise, double driftingRareClusterRatio,
                              double driftingMinorityRatio, double driftingFrechetRatio) {
        this(selfBleuRiseTolerance, driftingVendiRatio, collapsingVendiRatio, driftingLengthRatio, collapsingLengthRatio,
                collapsingMedianWords, overProbableRise, implausibleRise, driftingRareClusterRatio, driftingMinorityRatio,
                driftingFrechetRatio, 0.8, 0.5, 0.1);
    }

    public CollapseThresholds {
        if (!(selfBleuRiseTolerance >= 0) || !(0 < collapsingVendiRatio && collapsingVendiRatio <= driftingVendiRatio
                && driftingVendiRatio < 1) || !(0 < collapsingLengthRatio && collapsingLengthRatio <= driftingLengthRatio
                && driftingLengthRatio < 1) || !(collapsingMedianWords >= 0) || !(overProbableRise > 0)
                || !(implausibleRise > 0) || !(driftingRareClusterRatio > 0 && driftingRareClusterRatio < 1)
                || !(driftingMinorityRatio > 0 && driftingMinorityRatio < 1) || !(driftingFrechetRatio > 1)
                || !(0 < collapsingHeldOutTailRatio && collapsingHeldOutTailRatio <= driftingHeldOutTailRatio
                && driftingHeldOutTailRatio < 1) || !(driftingCategoryLoss > 0 && driftingCategoryLoss <= 1)) {
            throw new IllegalArgumentException("invalid collapse thresholds: " + selfBleuRiseTolerance + ", "
                    + driftingVendiRatio + ", " + collapsingVendiRatio + ", " + driftingLengthRatio + ", "
                    + collapsingLengthRatio + ", " + collapsingMedianWords + ", " + overProbableRise + ", "
                    + implausibleRise + ", " + driftingRareClusterRatio + ", " + driftingMinorityRatio + ", "
                    + driftingFrechetRatio + ", " + driftingHeldOutTailRatio + ", " + collapsingHeldOutTailRatio + ", "
                    + driftingCategoryLoss);
        }
    }
}
