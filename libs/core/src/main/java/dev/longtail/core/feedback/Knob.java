package dev.longtail.core.feedback;

import java.util.List;
import java.util.Optional;

/**
 * A plan knob the loop controller turns: the plan parameter, which way tightens it (against collapse), its step,
 * the range it is kept in, and the signals it is meant to move (the first is the one an adjustment names unless
 * another is past its limit; see {@link LoopController}).
 */
public enum Knob {
    /** More real data bounds the error (Gerstgrasser et al. 2024); moves tails and held-out perplexity. */
    ANCHOR_RATIO(Change.ANCHOR_RATIO, +1, FeedbackPolicy.ANCHOR_STEP_DRIFTING, 0, FeedbackPolicy.ANCHOR_MAX,
            List.of(TargetSignal.TAIL_COVERAGE, TargetSignal.HELD_OUT_PERPLEXITY)),
    /** Wider topics (Evol-Instruct's in-breadth evolution, Xu et al. 2023); moves distinct-2. */
    IN_BREADTH_SHARE(Change.IN_BREADTH_SHARE, +1, FeedbackPolicy.IN_BREADTH_STEP, 0, FeedbackPolicy.IN_BREADTH_MAX,
            List.of(TargetSignal.DISTINCT_2)),
    /** Stricter curation of near duplicates; moves Self-BLEU and distinct-2. */
    NEAR_DUPLICATE_THRESHOLD(Change.NEAR_DUPLICATE_THRESHOLD, -1, FeedbackPolicy.NEAR_DUPLICATE_STEP,
            FeedbackPolicy.NEAR_DUPLICATE_MIN, 1.0, List.of(TargetSignal.SELF_BLEU, TargetSignal.DISTINCT_2)),
    /** Flatter sampling; meant to move distinct-2 (raising it is withheld: {@link HarmfulAdvice}). */
    TEMPERATURE(Change.TEMPERATURE, +1, FeedbackPolicy.TEMPERATURE_STEP, 0.05, FeedbackPolicy.TEMPERATURE_MAX,
            List.of(TargetSignal.DISTINCT_2));

    private final String parameter;
    private final int tightening;
    private final double step;
    private final double min;
    private final double max;
    private final List<TargetSignal> signals;

    Knob(String parameter, int tightening, double step, double min, double max, List<TargetSignal> signals) {
        this.parameter = parameter;
        this.tightening = tightening;
        this.step = step;
        this.min = min;
        this.max = max;
        this.signals = signals;
    }

    /** The plan parameter, as in {@link Change} and the wire's {@code Adjustment}. */
    public String parameter() {
        return parameter;
    }

    /** +1 when raising the knob tightens it, −1 when lowering does. */
    public int tightening() {
        return tightening;
    }

    /** One move of the knob. */
    public double step() {
        return step;
    }

    /** The smallest value the controller sets. */
    public double min() {
        return min;
    }

    /** The largest value the controller sets. */
    public double max() {
        return max;
    }

    /** The signals the knob is meant to move, the primary one first. */
    public List<TargetSignal> signals() {
        return signals;
    }

    /** The knob's value in {@code plan}. */
    public double value(PlanValues plan) {
        return switch (this) {
            case ANCHOR_RATIO -> plan.anchorRatio();
            case IN_BREADTH_SHARE -> plan.inBreadthShare();
            case NEAR_DUPLICATE_THRESHOLD -> plan.nearDuplicateThreshold();
            case TEMPERATURE -> plan.temperature();
        };
    }

    /** {@code plan} with this knob set to {@code value}. */
    public PlanValues with(PlanValues plan, double value) {
        return switch (this) {
            case ANCHOR_RATIO -> new PlanValues(plan.inBreadthShare(), plan.temperature(), value,
                    plan.nearDuplicateThreshold());
            case IN_BREADTH_SHARE -> new PlanValues(value, plan.temperature(), plan.anchorRatio(),
                    plan.nearDuplicateThreshold());
            case NEAR_DUPLICATE_THRESHOLD -> new PlanValues(plan.inBreadthShare(), plan.temperature(),
                    plan.anchorRatio(), value);
            case TEMPERATURE -> new PlanValues(plan.inBreadthShare(), value, plan.anchorRatio(),
                    plan.nearDuplicateThreshold());
        };
    }

    /** Whether a move from {@code from} to {@code to} tightens the knob. */
    public boolean tightens(double from, double to) {
        return Math.signum(to - from) == tightening;
    }

    /** The knob of a plan parameter, if it is one. */
    public static Optional<Knob> of(String parameter) {
        for (Knob k : values()) {
            if (k.parameter.equals(parameter)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
