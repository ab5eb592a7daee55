package dev.longtail.core.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The full verdict: {@link FeedbackPolicy} on the six loop metrics, then the collapse signals the richer
 * metrics add (metric names as in {@code dev.longtail.core.metrics.CollapseMeasurement}); the verdict is the
 * worse of the two, every condition met is a reason, and the adjustments of both are merged per parameter.
 *
 * <p>Signals and their adjustments (limits in {@link CollapseThresholds}):
 * <ul>
 *   <li>Self-BLEU rising over the previous generation (not judged for generation 1), or Vendi score falling against generation 1 (texts
 *       repeat each other): in-breadth share +0.15, temperature +0.1, near-duplicate threshold −0.05;</li>
 *   <li>over-probable samples piling up under the generation-0 model (Shumailov et al. 2024, first stage of
 *       collapse): temperature +0.1;</li>
 *   <li>the implausible tail growing (errors compounding), samples shrinking (mean words against generation
 *       1, or a median of a word or two), rare clusters or minority categories lost, the held-out texts' tail
 *       (which no selection targets) shrinking against generation 1, categories of the reference lost since
 *       generation 1, embedding Fréchet distance growing: anchor ratio +0.05 (+0.1 when collapsing), as for tails
 *       and perplexity.</li>
 * </ul>
 * A signal whose metric is absent (not measured) is not judged. Merging: for one parameter the larger move
 * wins and the reasons are joined; a move against the base policy's direction is dropped.
 */
public final class CollapsePolicy {

    private final FeedbackPolicy base;
    private final CollapseThresholds limits;

    public CollapsePolicy(FeedbackThresholds thresholds, CollapseThresholds limits) {
        if (limits == null) {
            throw new IllegalArgumentException("collapse thresholds are required");
        }
        this.base = new FeedbackPolicy(thresholds);
        this.limits = limits;
    }

    /** The six loop metrics out of a metric map (absent ones are NaN, which the base policy does not judge). */
    public static VersionSignals metricsOf(Map<String, Double> values) {
        return new VersionSignals(get(values, "distinct1"), get(values, "distinct2"), get(values, "unigramEntropy"),
                get(values, "tailCoverage"), get(values, "heldOutPerplexity"), get(values, "meanWords"));
    }

    /**
     * Assesses {@code current}: {@code reference} is generation 0, {@code firstGeneration} generation 1 (null
     * while assessing generation 1 itself, which then is its own baseline), {@code previous} the previous
     * generation (null for generation 1, the reference stands in).
     */
    public Assessment assess(Map<String, Double> reference, Map<String, Double> firstGeneration,
                             Map<String, Double> previous, Map<String, Double> current, PlanValues plan) {
        Map<String, Double> first = firstGeneration != null ? firstGeneration : current;
        Assessment baseAssessment = base.assess(metricsOf(reference), metricsOf(first), previous == null ? null
                : metricsOf(previous), metricsOf(current), plan);

        List<String> reasons = new ArrayList<>(baseAssessment.reasons());
        boolean collapsing = baseAssessment.health() == Health.COLLAPSING;
        boolean drifting = baseAssessment.health() == Health.DRIFTING;
        boolean repetitive = false;
        boolean overProbable = false;
        boolean anchor = false;

        // Self-BLEU is a trend between generations: real seeds are far less alike than any synthetic set, so the
        // rise from the reference to generation 1 says nothing about collapse.
        double bleuNow = get(current, "selfBleu");
        double bleuBefore = previous == null ? Double.NaN : get(previous, "selfBleu");
        if (ok(bleuNow) && ok(bleuBefore) && bleuBefore > 0 && bleuNow / bleuBefore - 1 > limits.selfBleuRiseTolerance()) {
            drifting = repetitive = true;
            reasons.add(f("Self-BLEU %.4f rose %.1f%% above the previous generation's %.4f (tolerance %.1f%%)", bleuNow,
                    100 * (bleuNow / bleuBefore - 1), bleuBefore, 100 * limits.selfBleuRiseTolerance()));
        }
        double vendi = ratio(current, first, "vendiScore");
        if (ok(vendi) && vendi <= limits.driftingVendiRatio()) {
            boolean c = vendi <= limits.collapsingVendiRatio();
            collapsing |= c;
            drifting = repetitive = true;
            reasons.add(f("Vendi score %.2f is %.2fx generation 1's %.2f (%s at <= %.2fx)", get(current, "vendiScore"),
                    vendi, get(first, "vendiScore"), c ? "collapsing" : "drifting",
                    c ? limits.collapsingVendiRatio() : limits.driftingVendiRatio()));
        }
        double overRise = get(current, "overProbableShare") - get(first, "overProbableShare");
        if (ok(overRise) && overRise >= limits.overProbableRise()) {
            drifting = overProbable = true;
            reasons.add(f("over-probable samples under the generation-0 model rose to %.1f%% from generation 1's %.1f%%"
                    + " (drifting at +%.0f points)", 100 * get(current, "overProbableShare"),
                    100 * get(first, "overProbableShare"), 100 * limits.overProbableRise()));
        }
        double implausibleRise = get(current, "implausibleShare") - get(first, "implausibleShare");
        if (ok(implausibleRise) && implausibleRise >= limits.implausibleRise()) {
            drifting = anchor = true;
            reasons.add(f("implausible samples under the generation-0 model rose to %.1f%% from generation 1's %.1f%%"
                    + " (drifting at +%.0f points)", 100 * get(current, "implausibleShare"),
                    100 * get(first, "implausibleShare"), 100 * limits.implausibleRise()));
        }
        double length = ratio(current, first, "meanWords");
        if (ok(length) && length <= limits.driftingLengthRatio()) {
            boolean c = length <= limits.collapsingLengthRatio();
            collapsing |= c;
            drifting = anchor = true;
            reasons.add(f("samples shrink: %.1f words on average, %.2fx generation 1's %.1f (%s at <= %.2fx)",
                    get(current, "meanWords"), length, get(first, "meanWords"), c ? "collapsing" : "drifting",
                    c ? limits.collapsingLengthRatio() : limits.driftingLengthRatio()));
        }
        double median = get(current, "lengthP50");
        if (ok(median) && median <= limits.collapsingMedianWords()) {
            collapsing = anchor = true;
            reasons.add(f("half the samples have at most %.0f words (collapsing at <= %.0f)", median,
                    limits.collapsingMedianWords()));
        }
        double rare = ratio(current, first, "rareClusterShare");
        if (ok(rare) && rare <= limits.driftingRareClusterRatio()) {
            drifting = anchor = true;
            reasons.add(f("rare reference clusters present %.3f, %.2fx generation 1's %.3f (drifting at <= %.2fx)",
                    get(current, "rareClusterShare"), rare, get(first, "rareClusterShare"), limits.driftingRareClusterRatio()));
        }
        double minority = get(current, "minorityCategoryRatio");
        if (ok(minority) && minority <= limits.driftingMinorityRatio()) {
            drifting = anchor = true;
            reasons.add(f("minority categories hold %.2fx their reference share (drifting at <= %.2fx)", minority,
                    limits.driftingMinorityRatio()));
        }
        double heldOutTail = ratio(current, first, "heldOutTailCoverage");
        if (ok(heldOutTail) && heldOutTail <= limits.driftingHeldOutTailRatio()) {
            boolean c = heldOutTail <= limits.collapsingHeldOutTailRatio();
            collapsing |= c;
            drifting = anchor = true;
            reasons.add(f("held-out tail coverage %.4f is %.2fx generation 1's %.4f (%s at <= %.2fx)",
                    get(current, "heldOutTailCoverage"), heldOutTail, get(first, "heldOutTailCoverage"),
                    c ? "collapsing" : "drifting", c ? limits.collapsingHeldOutTailRatio() : limits.driftingHeldOutTailRatio()));
        }
        double categoryLoss = get(first, "categoryCoverage") - get(current, "categoryCoverage");
        if (ok(categoryLoss) && categoryLoss >= limits.driftingCategoryLoss()) {
            drifting = anchor = true;
            reasons.add(f("categories holding %.1f%% of the reference are gone since generation 1: coverage %.3f,"
                    + " generation 1's %.3f (drifting at -%.0f points)", 100 * categoryLoss, get(current, "categoryCoverage"),
                    get(first, "categoryCoverage"), 100 * limits.driftingCategoryLoss()));
        }
        double frechet = ratio(current, first, "embeddingFrechetDistance");
        if (ok(frechet) && frechet >= limits.driftingFrechetRatio()) {
            drifting = anchor = true;
            reasons.add(f("embedding Fréchet distance %.4f is %.2fx generation 1's %.4f (drifting at >= %.2fx)",
                    get(current, "embeddingFrechetDistance"), frechet, get(first, "embeddingFrechetDistance"),
                    limits.driftingFrechetRatio()));
        }

        Health health = collapsing ? Health.COLLAPSING : drifting ? Health.DRIFTING : Health.HEALTHY;
        Map<String, Change> changes = new LinkedHashMap<>();
        baseAssessment.changes().forEach(c -> changes.put(c.parameter(), c));
        if (repetitive) {
            merge(changes, Change.IN_BREADTH_SHARE, plan.inBreadthShare(),
                    up(plan.inBreadthShare(), FeedbackPolicy.IN_BREADTH_STEP, FeedbackPolicy.IN_BREADTH_MAX),
                    "samples repeat each other (Self-BLEU up or Vendi score down): widen topics");
            merge(changes, Change.TEMPERATURE, plan.temperature(),
                    up(plan.temperature(), FeedbackPolicy.TEMPERATURE_STEP, FeedbackPolicy.TEMPERATURE_MAX),
                    "samples repeat each other: flatten sampling");
            merge(changes, Change.NEAR_DUPLICATE_THRESHOLD, plan.nearDuplicateThreshold(),
                    Math.min(plan.nearDuplicateThreshold(), Math.max(FeedbackPolicy.NEAR_DUPLICATE_MIN,
                            plan.nearDuplicateThreshold() - FeedbackPolicy.NEAR_DUPLICATE_STEP)),
                    "samples repeat each other: reject near duplicates more strictly");
        }
        if (overProbable) {
            merge(changes, Change.TEMPERATURE, plan.temperature(),
                    up(plan.temperature(), FeedbackPolicy.TEMPERATURE_STEP, FeedbackPolicy.TEMPERATURE_MAX),
                    "over-probable samples pile up: flatten sampling");
        }
        if (anchor) {
            double step = health == Health.COLLAPSING ? FeedbackPolicy.ANCHOR_STEP_COLLAPSING : FeedbackPolicy.ANCHOR_STEP_DRIFTING;
            merge(changes, Change.ANCHOR_RATIO, plan.anchorRatio(), up(plan.anchorRatio(), step, FeedbackPolicy.ANCHOR_MAX),
                    "real-data signals (length, implausible tail, rare clusters, categories, embedding drift) are "
                            + health.name().toLowerCase(Locale.ROOT) + ": mix in more real data");
        }
        return new Assessment(health, reasons, new ArrayList<>(changes.values()));
    }

    private static void merge(Map<String, Change> changes, String parameter, double from, double to, String reason) {
        double rounded = Math.round(to * 1e6) / 1e6;
        if (Double.isNaN(from) || Math.abs(to - from) <= 1e-9) {
            return;
        }
        Change existing = changes.get(parameter);
        if (existing == null) {
            changes.put(parameter, new Change(parameter, from, rounded, reason));
            return;
        }
        boolean sameDirection = Math.signum(existing.to() - existing.from()) == Math.signum(to - from);
        if (!sameDirection || existing.reason().contains(reason)) {
            return;
        }
        double target = Math.abs(rounded - from) > Math.abs(existing.to() - existing.from()) ? rounded : existing.to();
        changes.put(parameter, new Change(parameter, existing.from(), target, existing.reason() + "; " + reason));
    }

    private static double up(double from, double step, double max) {
        return Math.max(from, Math.min(max, from + step));
    }

    private static double ratio(Map<String, Double> current, Map<String, Double> baseline, String metric) {
        double v = get(current, metric);
        double b = get(baseline, metric);
        return ok(v) && ok(b) && b > 0 ? v / b : Double.NaN;
    }

    private static double get(Map<String, Double> values, String metric) {
        if (values == null) {
            return Double.NaN;
        }
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }

    private static boolean ok(double v) {
        return Double.isFinite(v);
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
