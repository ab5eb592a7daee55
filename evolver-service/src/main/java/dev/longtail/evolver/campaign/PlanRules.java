package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.List;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.evolver.EvolverConfig;

/**
 * How a generation's plan comes about: generation 1 from the configured defaults and the campaign's arm, every later
 * one from the previous plan with the evaluator's adjustments applied when the arm's feedback is on (and unchanged
 * but for a fresh sampling seed when it is off). The arm's settings travel in every plan. Pure functions; candidates
 * for libs/core.
 */
public final class PlanRules {

    /** The purpose of a generation's sampling random seed, derived from the campaign's one random seed. */
    public static final String SAMPLING = "sampling";

    /** The largest anchor ratio an adjustment may set (the contract's range is [0, 1)). */
    static final double MAX_ANCHOR_RATIO = 0.95;

    private PlanRules() {
    }

    /** The next plan, and the adjustments that could not be applied as asked (with why). */
    public record Next(GenerationPlan plan, List<String> warnings) {
    }

    /**
     * Generation 1's plan: the arm's sampling and curation settings, the configured rest, on the backend the campaign
     * chose (null: the generator's default).
     */
    public static GenerationPlan first(EvolverConfig.Plan defaults, ArmSettings arm, long samplingSeed,
            String backend) {
        return new GenerationPlan(defaults.inBreadthShare(),
                new SamplingParameters(arm.temperature(), arm.topP(), defaults.maxTokens(), samplingSeed),
                new CurationPolicy(arm.anchorRatio(), defaults.nearDuplicateThreshold(), defaults.minWords(),
                        defaults.maxWords(), arm.anchorPolicy(), arm.keepShare(), arm.carryOver(), arm.tokenBudget()),
                backend, arm.feedback(), arm.candidateFactor());
    }

    /**
     * The previous plan with a fresh sampling seed and, when its feedback is on, each adjustment's {@code to} applied
     * to its parameter; with feedback off the adjustments are left unapplied (the caller records them as proposed).
     * The backend and the arm's settings stay the campaign's.
     * Unknown parameters are ignored and values outside a parameter's domain are clamped into it, both with
     * a warning: a bad adjustment must not stop the loop.
     */
    public static Next next(GenerationPlan previous, List<Adjustment> adjustments, long samplingSeed) {
        var sampling = previous.sampling();
        if (!previous.feedbackOn()) {
            return new Next(new GenerationPlan(previous.inBreadthShare(), new SamplingParameters(
                    sampling.temperature(), sampling.topP(), sampling.maxTokens(), samplingSeed), previous.curation(),
                    previous.backend(), previous.feedback(), previous.candidateFactor()), List.of());
        }
        double inBreadthShare = previous.inBreadthShare();
        double temperature = previous.sampling().temperature();
        double anchorRatio = previous.curation().anchorRatio();
        double nearDuplicateThreshold = previous.curation().nearDuplicateThreshold();
        List<String> warnings = new ArrayList<>();
        for (Adjustment adjustment : adjustments == null ? List.<Adjustment>of() : adjustments) {
            if (adjustment == null || adjustment.parameter() == null) {
                warnings.add("ignored an adjustment without a parameter");
                continue;
            }
            double to = adjustment.to();
            switch (adjustment.parameter()) {
                case Adjustment.IN_BREADTH_SHARE -> inBreadthShare = clamp(adjustment, 0, 1, warnings);
                case Adjustment.TEMPERATURE -> temperature = clamp(adjustment, 0.05, 5, warnings);
                // below 1: a version of real records only is no synthetic data, and the curator refuses such a plan
                case Adjustment.ANCHOR_RATIO -> anchorRatio = clamp(adjustment, 0, MAX_ANCHOR_RATIO, warnings);
                case Adjustment.NEAR_DUPLICATE_THRESHOLD -> nearDuplicateThreshold = clamp(adjustment, 0.01, 1, warnings);
                default -> warnings.add("ignored an adjustment of unknown parameter '" + adjustment.parameter()
                        + "' (to " + to + ")");
            }
        }
        var curation = previous.curation();
        var plan = new GenerationPlan(inBreadthShare,
                new SamplingParameters(temperature, sampling.topP(), sampling.maxTokens(), samplingSeed),
                curation.withThresholds(anchorRatio, nearDuplicateThreshold, curation.minWords(), curation.maxWords()),
                previous.backend(), previous.feedback(), previous.candidateFactor());
        return new Next(plan, List.copyOf(warnings));
    }

    private static double clamp(Adjustment adjustment, double min, double max, List<String> warnings) {
        double to = adjustment.to();
        if (Double.isNaN(to)) {
            warnings.add("ignored " + adjustment.parameter() + " = NaN");
            return Math.max(min, Math.min(max, adjustment.from()));
        }
        double clamped = Math.max(min, Math.min(max, to));
        if (clamped != to) {
            warnings.add(adjustment.parameter() + " = " + to + " clamped to " + clamped);
        }
        return clamped;
    }
}
