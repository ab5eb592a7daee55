package dev.longtail.core.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a generation against the real reference and the previous generation, and advises turning the plan's
 * knobs against the failure it sees.
 *
 * <p>Verdict. With ppl = current held-out perplexity / reference's, tail = current tail coverage / the tail
 * baseline's, and the relative distinct-2 drop (previous − current) / previous (the reference stands in for
 * the previous generation in generation 1). The tail baseline is the first generation when the caller gives
 * it (the loop's tail retention: a reference covers its own rare n-grams by construction, so any synthetic
 * set of its size sits far below 1.0 and would always read as collapsing), else the reference:
 * <ul>
 *   <li>COLLAPSING if ppl &ge; collapsing ratio or tail &le; collapsing ratio: the model has forgotten
 *       the real distribution, tails first (Shumailov et al., Nature 2024);</li>
 *   <li>DRIFTING if ppl &ge; drifting ratio, tail &le; drifting ratio, or distinct-2 dropped by more than
 *       the tolerance;</li>
 *   <li>HEALTHY otherwise.</li>
 * </ul>
 * A metric that is not finite, or a reference value that is not positive, is not judged.
 *
 * <p>Advice (each clamped; emitted only when the value changes; rounded to 6 decimals so that plans read
 * cleanly). It only ever tightens: in the loop, {@link LoopController} decides what reaches the plan (relaxing
 * after good generations, withholding {@link HarmfulAdvice}, freezing a direction that kept making things worse):
 * <ul>
 *   <li>distinct-2 falling: in-breadth share +0.15 (max 0.9) to widen topics (Evol-Instruct in-breadth,
 *       Xu et al. 2023), temperature +0.1 (max 1.5) to flatten sampling, near-duplicate threshold −0.05
 *       (min 0.6) to curate more strictly;</li>
 *   <li>tail coverage or perplexity past the drifting limit: anchor ratio +0.05, or +0.1 when
 *       COLLAPSING (max 0.5): more real data bounds the error (Gerstgrasser et al. 2024).</li>
 * </ul>
 */
public final class FeedbackPolicy {

    static final double IN_BREADTH_STEP = 0.15;
    static final double IN_BREADTH_MAX = 0.9;
    static final double TEMPERATURE_STEP = 0.1;
    static final double TEMPERATURE_MAX = 1.5;
    static final double NEAR_DUPLICATE_STEP = 0.05;
    static final double NEAR_DUPLICATE_MIN = 0.6;
    static final double ANCHOR_STEP_DRIFTING = 0.05;
    static final double ANCHOR_STEP_COLLAPSING = 0.1;
    static final double ANCHOR_MAX = 0.5;

    private final FeedbackThresholds thresholds;

    /** A policy with the given limits. */
    public FeedbackPolicy(FeedbackThresholds thresholds) {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        this.thresholds = thresholds;
    }

    /**
     * Assesses {@code current}; {@code reference} is generation 0 (the real reference seeds' own metrics),
     * {@code previous} the last generation's metrics or null for generation 1.
     */
    public Assessment assess(VersionSignals reference, VersionSignals previous, VersionSignals current,
                             PlanValues plan) {
        return judge(reference, reference, "the reference's", previous, current, plan);
    }

    /**
     * Assesses {@code current} with tails judged against {@code tailBaseline}: in a campaign, the first
     * generation's metrics (for generation 1 itself, {@code current}), so that tail coverage reads as what the
     * loop has kept since it started; the other arguments as in
     * {@link #assess(VersionSignals, VersionSignals, VersionSignals, PlanValues)}.
     */
    public Assessment assess(VersionSignals reference, VersionSignals tailBaseline, VersionSignals previous,
            VersionSignals current, PlanValues plan) {
        return judge(reference, tailBaseline, "generation 1's", previous, current, plan);
    }

    private Assessment judge(VersionSignals reference, VersionSignals tailBaseline, String tailBaselineName,
            VersionSignals previous, VersionSignals current, PlanValues plan) {
        List<String> reasons = new ArrayList<>();
        boolean collapsing = false;
        boolean drifting = false;
        boolean anchorNeeded = false;

        double pplRatio = ratio(current.heldOutPerplexity(), reference.heldOutPerplexity());
        if (!Double.isNaN(pplRatio)) {
            if (pplRatio >= thresholds.collapsingPerplexityRatio()) {
                collapsing = true;
                anchorNeeded = true;
                reasons.add(format("held-out perplexity %.2f is %.2fx the reference's %.2f (collapsing at >= %.2fx)",
                        current.heldOutPerplexity(), pplRatio, reference.heldOutPerplexity(),
                        thresholds.collapsingPerplexityRatio()));
            } else if (pplRatio >= thresholds.driftingPerplexityRatio()) {
                drifting = true;
                anchorNeeded = true;
                reasons.add(format("held-out perplexity %.2f is %.2fx the reference's %.2f (drifting at >= %.2fx)",
                        current.heldOutPerplexity(), pplRatio, reference.heldOutPerplexity(),
                        thresholds.driftingPerplexityRatio()));
            }
        }

        double tailRatio = ratio(current.tailCoverage(), tailBaseline.tailCoverage());
        if (!Double.isNaN(tailRatio)) {
            if (tailRatio <= thresholds.collapsingTailCoverageRatio()) {
                collapsing = true;
                anchorNeeded = true;
                reasons.add(format("tail coverage %.3f is %.2fx %s %.3f (collapsing at <= %.2fx)",
                        current.tailCoverage(), tailRatio, tailBaselineName, tailBaseline.tailCoverage(),
                        thresholds.collapsingTailCoverageRatio()));
            } else if (tailRatio <= thresholds.driftingTailCoverageRatio()) {
                drifting = true;
                anchorNeeded = true;
                reasons.add(format("tail coverage %.3f is %.2fx %s %.3f (drifting at <= %.2fx)",
                        current.tailCoverage(), tailRatio, tailBaselineName, tailBaseline.tailCoverage(),
                        thresholds.driftingTailCoverageRatio()));
            }
        }

        VersionSignals baseline = previous != null ? previous : reference;
        String baselineName = previous != null ? "the previous generation's" : "the reference's";
        boolean distinctFalling = false;
        double d2Ratio = ratio(current.distinct2(), baseline.distinct2());
        if (!Double.isNaN(d2Ratio)) {
            double drop = 1 - d2Ratio;
            if (drop > thresholds.distinct2DropTolerance()) {
                drifting = true;
                distinctFalling = true;
                reasons.add(format("distinct-2 %.4f fell %.1f%% below %s %.4f (tolerance %.1f%%)",
                        current.distinct2(), 100 * drop, baselineName, baseline.distinct2(),
                        100 * thresholds.distinct2DropTolerance()));
            }
        }

        Health health = collapsing ? Health.COLLAPSING : drifting ? Health.DRIFTING : Health.HEALTHY;
        List<Change> changes = new ArrayList<>();
        if (distinctFalling) {
            String why = "distinct-2 is falling: widen topics";
            add(changes, Change.IN_BREADTH_SHARE, plan.inBreadthShare(),
                    up(plan.inBreadthShare(), IN_BREADTH_STEP, IN_BREADTH_MAX), why);
            add(changes, Change.TEMPERATURE, plan.temperature(),
                    up(plan.temperature(), TEMPERATURE_STEP, TEMPERATURE_MAX), "distinct-2 is falling: flatten sampling");
            add(changes, Change.NEAR_DUPLICATE_THRESHOLD, plan.nearDuplicateThreshold(),
                    down(plan.nearDuplicateThreshold(), NEAR_DUPLICATE_STEP, NEAR_DUPLICATE_MIN),
                    "distinct-2 is falling: reject near duplicates more strictly");
        }
        if (anchorNeeded) {
            double step = health == Health.COLLAPSING ? ANCHOR_STEP_COLLAPSING : ANCHOR_STEP_DRIFTING;
            add(changes, Change.ANCHOR_RATIO, plan.anchorRatio(), up(plan.anchorRatio(), step, ANCHOR_MAX),
                    "tail coverage or held-out perplexity is " + health.name().toLowerCase(Locale.ROOT)
                            + ": mix in more real data");
        }
        return new Assessment(health, reasons, changes);
    }

    /** The limits in use. */
    public FeedbackThresholds thresholds() {
        return thresholds;
    }

    private static void add(List<Change> changes, String parameter, double from, double to, String reason) {
        double rounded = Math.round(to * 1e6) / 1e6;
        if (Math.abs(to - from) > 1e-9 && !Double.isNaN(from)) {
            changes.add(new Change(parameter, from, rounded, reason));
        }
    }

    /** Raises by step up to max; a value already beyond max is left alone rather than pulled back. */
    private static double up(double from, double step, double max) {
        return Math.max(from, Math.min(max, from + step));
    }

    /** Lowers by step down to min; a value already below min is left alone. */
    private static double down(double from, double step, double min) {
        return Math.min(from, Math.max(min, from - step));
    }

    private static double ratio(double value, double reference) {
        if (!Double.isFinite(value) || !Double.isFinite(reference) || reference <= 0) {
            return Double.NaN;
        }
        return value / reference;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
