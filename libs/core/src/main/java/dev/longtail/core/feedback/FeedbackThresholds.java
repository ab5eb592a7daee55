package dev.longtail.core.feedback;

/**
 * Limits of the feedback policy: held-out perplexity ratios to the reference (drifting, collapsing),
 * tail-coverage ratios to the reference (drifting, collapsing), and the relative drop of distinct-2
 * between generations that counts as a fall.
 */
public record FeedbackThresholds(double driftingPerplexityRatio, double collapsingPerplexityRatio,
                                 double driftingTailCoverageRatio, double collapsingTailCoverageRatio,
                                 double distinct2DropTolerance) {

    /** Perplexity ×1.3 drifting, ×2 collapsing; tail coverage ×0.8 drifting, ×0.5 collapsing; distinct-2 −5%. */
    public static final FeedbackThresholds DEFAULTS = new FeedbackThresholds(1.3, 2.0, 0.8, 0.5, 0.05);

    /**
     * Validates: 1 &lt; drifting perplexity ratio &le; collapsing; 0 &lt; collapsing tail ratio &le; drifting
     * &lt; 1; 0 &le; distinct-2 tolerance &lt; 1.
     */
    public FeedbackThresholds {
        if (!(driftingPerplexityRatio > 1 && driftingPerplexityRatio <= collapsingPerplexityRatio)
                || Double.isInfinite(collapsingPerplexityRatio)) {
            throw new IllegalArgumentException("need 1 < driftingPerplexityRatio <= collapsingPerplexityRatio, were "
                    + driftingPerplexityRatio + ", " + collapsingPerplexityRatio);
        }
        if (!(collapsingTailCoverageRatio > 0 && collapsingTailCoverageRatio <= driftingTailCoverageRatio
                && driftingTailCoverageRatio < 1)) {
            throw new IllegalArgumentException("need 0 < collapsingTailCoverageRatio <= driftingTailCoverageRatio < 1, were "
                    + collapsingTailCoverageRatio + ", " + driftingTailCoverageRatio);
        }
        if (!(distinct2DropTolerance >= 0 && distinct2DropTolerance < 1)) {
            throw new IllegalArgumentException("distinct2DropTolerance must be in [0, 1), was " + distinct2DropTolerance);
        }
    }
}
