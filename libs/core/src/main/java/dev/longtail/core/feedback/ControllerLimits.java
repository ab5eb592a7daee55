package dev.longtail.core.feedback;

/**
 * The loop controller's own limits: the "good" side of each knob's target signal, stricter than the verdict's
 * drifting limits (the "worse" side: {@link FeedbackThresholds}, and {@link CollapseThresholds} for Self-BLEU), so
 * that a signal sitting between the two moves nothing (hysteresis). These defaults are chosen, not measured: about
 * a third of the way from the drifting limit back to no change.
 *
 * @param goodTailCoverageRatio tail coverage / generation 1's at or above which tails are good (worse: ≤ 0.8)
 * @param goodPerplexityRatio   held-out perplexity / the reference's at or below which it is good (worse: ≥ 1.3)
 * @param goodDistinct2Drop     relative distinct-2 drop against the previous generation at or below which
 *                              distinct-2 is good (worse: a drop above 0.05)
 * @param goodSelfBleuRise      relative Self-BLEU rise against the previous generation at or below which it is good
 *                              (worse: a rise above 0.10)
 * @param goodGenerations       consecutive good generations before a knob relaxes one step toward its start
 * @param outcomeTolerance      relative change of a signal, one generation after an adjustment, still counted
 *                              as unchanged
 */
public record ControllerLimits(double goodTailCoverageRatio, double goodPerplexityRatio, double goodDistinct2Drop,
        double goodSelfBleuRise, int goodGenerations, double outcomeTolerance) {

    /** Tail ≥ 0.9× generation 1's, perplexity ≤ 1.2× the reference's, distinct-2 −1 %, Self-BLEU +3 %; N = 2; 1 %. */
    public static final ControllerLimits DEFAULTS = new ControllerLimits(0.9, 1.2, 0.01, 0.03, 2, 0.01);

    /** Validates each limit on its own; {@link LoopController} checks that each is stricter than its worse limit. */
    public ControllerLimits {
        if (!(goodTailCoverageRatio > 0) || !(goodPerplexityRatio > 0) || Double.isInfinite(goodPerplexityRatio)
                || !(goodDistinct2Drop > -1 && goodDistinct2Drop < 1) || !(goodSelfBleuRise > -1)
                || Double.isInfinite(goodSelfBleuRise) || goodGenerations < 1
                || !(outcomeTolerance >= 0 && outcomeTolerance < 1)) {
            throw new IllegalArgumentException("invalid controller limits: goodTailCoverageRatio " + goodTailCoverageRatio
                    + ", goodPerplexityRatio " + goodPerplexityRatio + ", goodDistinct2Drop " + goodDistinct2Drop
                    + ", goodSelfBleuRise " + goodSelfBleuRise + ", goodGenerations " + goodGenerations
                    + ", outcomeTolerance " + outcomeTolerance);
        }
    }
}
