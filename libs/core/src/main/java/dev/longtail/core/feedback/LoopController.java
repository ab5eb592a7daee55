package dev.longtail.core.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a generation's verdict into plan changes that go both ways: a controller with hysteresis, not a ratchet.
 *
 * <p>Each {@link Knob} has target signals, read against their baselines ({@link SignalReadings#ratio}). Per signal a
 * "worse" limit (the verdict's drifting limit: {@link FeedbackThresholds}, and {@link CollapseThresholds} for
 * Self-BLEU) and a separate, stricter "good" limit ({@link ControllerLimits}). For each knob, in order:
 * <ol>
 *   <li><b>Tighten</b> when the verdict's advice ({@link FeedbackPolicy}, {@link CollapsePolicy}; raised by the worse
 *       limits, and by the richer collapse signals) moves it, to the advice's value, unless
 *       <ul>
 *         <li>the move is in {@link HarmfulAdvice} (measured harmful): {@link KnobAction#WITHHELD};</li>
 *         <li>the knob's last two applied moves in that direction both worsened their signal (the campaign's own
 *             record): {@link KnobAction#FROZEN}.</li>
 *       </ul></li>
 *   <li>Otherwise count the generations in a row in which every measured target signal of the knob is good; after
 *       {@code goodGenerations} of them <b>relax</b> one step back toward the campaign's starting value (generation
 *       1's plan), never past it nor past the knob's range, and start counting again (the same freeze applies).</li>
 *   <li>A signal between its two limits, or not measured, holds the knob and resets the count: no oscillation.</li>
 * </ol>
 * Each step names the signal it targets: the first of the knob's signals past its worse limit, else its primary
 * measured one; the caller classifies its {@link Outcome} when the next generation is measured.
 */
public final class LoopController {

    private enum Zone { WORSE, BETWEEN, GOOD, UNMEASURED }

    private final FeedbackThresholds worse;
    private final CollapseThresholds collapse;
    private final ControllerLimits limits;

    /** A controller whose good limits must each be stricter than the corresponding worse limit. */
    public LoopController(FeedbackThresholds worse, CollapseThresholds collapse, ControllerLimits limits) {
        if (worse == null || collapse == null || limits == null) {
            throw new IllegalArgumentException("worse limits, collapse limits and controller limits are required");
        }
        if (!(limits.goodTailCoverageRatio() > worse.driftingTailCoverageRatio())
                || !(limits.goodPerplexityRatio() < worse.driftingPerplexityRatio())
                || !(limits.goodDistinct2Drop() <= worse.distinct2DropTolerance())
                || !(limits.goodSelfBleuRise() <= collapse.selfBleuRiseTolerance())) {
            throw new IllegalArgumentException("each good limit must be stricter than its worse limit: tail "
                    + limits.goodTailCoverageRatio() + " > " + worse.driftingTailCoverageRatio() + ", perplexity "
                    + limits.goodPerplexityRatio() + " < " + worse.driftingPerplexityRatio() + ", distinct-2 drop "
                    + limits.goodDistinct2Drop() + " <= " + worse.distinct2DropTolerance() + ", Self-BLEU rise "
                    + limits.goodSelfBleuRise() + " <= " + collapse.selfBleuRiseTolerance());
        }
        this.worse = worse;
        this.collapse = collapse;
        this.limits = limits;
    }

    /** The good limits in use. */
    public ControllerLimits limits() {
        return limits;
    }

    /**
     * One step per knob whose value the plan holds.
     *
     * @param advice   the verdict's changes ({@link Assessment#changes()})
     * @param readings the generation's measurements
     * @param plan     the plan the generation ran with
     * @param start    generation 1's plan: relaxing stops at its values
     * @param history  the campaign's earlier steps with the outcomes known so far
     */
    public List<KnobStep> decide(List<Change> advice, SignalReadings readings, PlanValues plan, PlanValues start,
            List<PastStep> history) {
        List<KnobStep> steps = new ArrayList<>();
        for (Knob knob : Knob.values()) {
            double value = knob.value(plan);
            if (!Double.isFinite(value)) {
                continue;
            }
            Optional<Change> asked = advice.stream().filter(c -> c.parameter().equals(knob.parameter())
                    && Double.isFinite(c.to()) && Math.abs(c.to() - value) > 1e-9).findFirst();
            TargetSignal target = target(knob, readings);
            double before = readings.value(target);
            if (asked.isPresent()) {
                steps.add(follow(knob, asked.get(), value, target, before, history));
                continue;
            }
            int streak = good(knob, readings) ? lastStreak(knob, history) + 1 : 0;
            double relaxed = relaxed(knob, value, knob.value(start));
            if (streak < limits.goodGenerations() || Math.abs(relaxed - value) <= 1e-9) {
                steps.add(new KnobStep(knob.parameter(), KnobAction.HOLD, value, value, streak, target, before, "", null));
                continue;
            }
            String why = describeGood(knob, readings, streak) + ": back toward the campaign's starting "
                    + num(knob.value(start));
            Optional<String> frozen = frozen(knob, false, history);
            steps.add(frozen.isPresent()
                    ? new KnobStep(knob.parameter(), KnobAction.FROZEN, value, relaxed, streak, target, before, why,
                            frozen.get())
                    : new KnobStep(knob.parameter(), KnobAction.RELAX, value, relaxed, 0, target, before, why, null));
        }
        return steps;
    }

    private KnobStep follow(Knob knob, Change asked, double value, TargetSignal target, double before,
            List<PastStep> history) {
        double to = round(Math.max(knob.min(), Math.min(knob.max(), asked.to())));
        if (knob.tightens(value, asked.to())) {
            // the advice's clamp leaves a value already beyond the range alone; so does this one
            to = knob.tightening() > 0 ? Math.max(value, to) : Math.min(value, to);
        }
        Optional<HarmfulAdvice> harmful = HarmfulAdvice.of(knob.parameter(), value, asked.to());
        if (harmful.isPresent()) {
            return new KnobStep(knob.parameter(), KnobAction.WITHHELD, value, asked.to(), 0, target, before,
                    asked.reason(), harmful.get().withheld());
        }
        if (Math.abs(to - value) <= 1e-9) {
            return new KnobStep(knob.parameter(), KnobAction.HOLD, value, value, 0, target, before, "", null);
        }
        boolean tighten = knob.tightens(value, to);
        Optional<String> frozen = frozen(knob, tighten, history);
        if (frozen.isPresent()) {
            return new KnobStep(knob.parameter(), KnobAction.FROZEN, value, to, 0, target, before, asked.reason(),
                    frozen.get());
        }
        return new KnobStep(knob.parameter(), tighten ? KnobAction.TIGHTEN : KnobAction.RELAX, value, to, 0, target,
                before, asked.reason(), null);
    }

    /** One step toward {@code start}, never past it nor past the knob's range; {@code value} when already there. */
    private static double relaxed(Knob knob, double value, double start) {
        if (!Double.isFinite(start)) {
            return value;
        }
        double bounded = Math.max(knob.min(), Math.min(knob.max(), start));
        double toward = knob.tightening() > 0 ? Math.max(bounded, value - knob.step())
                : Math.min(bounded, value + knob.step());
        return knob.tightens(toward, value) ? round(toward) : value;
    }

    /** The first of the knob's signals past its worse limit, else the first measured one, else the primary. */
    private TargetSignal target(Knob knob, SignalReadings readings) {
        return knob.signals().stream().filter(s -> zone(s, readings) == Zone.WORSE).findFirst()
                .or(() -> knob.signals().stream().filter(s -> Double.isFinite(readings.value(s))).findFirst())
                .orElse(knob.signals().get(0));
    }

    /** Every measured signal of the knob is good, and at least one is measured. */
    private boolean good(Knob knob, SignalReadings readings) {
        boolean any = false;
        for (TargetSignal s : knob.signals()) {
            Zone zone = zone(s, readings);
            if (zone == Zone.UNMEASURED) {
                continue;
            }
            if (zone != Zone.GOOD) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private Zone zone(TargetSignal signal, SignalReadings readings) {
        double r = readings.ratio(signal);
        if (!Double.isFinite(r)) {
            return Zone.UNMEASURED;
        }
        return switch (signal) {
            case TAIL_COVERAGE -> r <= worse.driftingTailCoverageRatio() ? Zone.WORSE
                    : r >= limits.goodTailCoverageRatio() ? Zone.GOOD : Zone.BETWEEN;
            case HELD_OUT_PERPLEXITY -> r >= worse.driftingPerplexityRatio() ? Zone.WORSE
                    : r <= limits.goodPerplexityRatio() ? Zone.GOOD : Zone.BETWEEN;
            case DISTINCT_2 -> 1 - r > worse.distinct2DropTolerance() ? Zone.WORSE
                    : 1 - r <= limits.goodDistinct2Drop() ? Zone.GOOD : Zone.BETWEEN;
            case SELF_BLEU -> r - 1 > collapse.selfBleuRiseTolerance() ? Zone.WORSE
                    : r - 1 <= limits.goodSelfBleuRise() ? Zone.GOOD : Zone.BETWEEN;
        };
    }

    private String describeGood(Knob knob, SignalReadings readings, int streak) {
        List<String> parts = new ArrayList<>();
        for (TargetSignal s : knob.signals()) {
            double r = readings.ratio(s);
            if (!Double.isFinite(r)) {
                continue;
            }
            parts.add(switch (s) {
                case TAIL_COVERAGE -> f("tail coverage %.2fx generation 1's (good at >= %.2fx)", r,
                        limits.goodTailCoverageRatio());
                case HELD_OUT_PERPLEXITY -> f("held-out perplexity %.2fx the reference's (good at <= %.2fx)", r,
                        limits.goodPerplexityRatio());
                case DISTINCT_2 -> f("distinct-2 %+.1f%% against the previous generation (good at >= %+.1f%%)",
                        100 * (r - 1), -100 * limits.goodDistinct2Drop());
                case SELF_BLEU -> f("Self-BLEU %+.1f%% against the previous generation (good at <= %+.1f%%)",
                        100 * (r - 1), 100 * limits.goodSelfBleuRise());
            });
        }
        return String.join(", ", parts) + "; good for " + streak + " generations in a row";
    }

    /** The knob's good streak at its latest recorded step (0 without one). */
    private static int lastStreak(Knob knob, List<PastStep> history) {
        return history.stream().filter(p -> p.parameter().equals(knob.parameter()))
                .max(Comparator.comparingInt(PastStep::generation)).map(PastStep::goodStreak).orElse(0);
    }

    /** Why moving the knob this way is frozen: its last two applied moves this way both worsened their signal. */
    private static Optional<String> frozen(Knob knob, boolean tighten, List<PastStep> history) {
        KnobAction action = tighten ? KnobAction.TIGHTEN : KnobAction.RELAX;
        List<PastStep> moves = history.stream()
                .filter(p -> p.parameter().equals(knob.parameter()) && p.action() == action
                        && Boolean.TRUE.equals(p.applied()) && p.outcome() != null)
                .sorted(Comparator.comparingInt(PastStep::generation)).toList();
        if (moves.size() < 2) {
            return Optional.empty();
        }
        PastStep last = moves.get(moves.size() - 1);
        PastStep before = moves.get(moves.size() - 2);
        if (last.outcome() != Outcome.WORSENED || before.outcome() != Outcome.WORSENED) {
            return Optional.empty();
        }
        String way = (knob.tightening() > 0) == tighten ? "raising" : "lowering";
        return Optional.of(f("frozen: %s %s worsened its signal the last two times (generations %d and %d)", way,
                knob.parameter(), before.generation(), last.generation()));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
