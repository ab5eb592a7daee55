package dev.longtail.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopControllerTest {

    private static final PlanValues START = new PlanValues(0.5, 1.0, 0.1, 0.8);
    private static final Map<String, Double> REFERENCE = measured(0.7, 1.0, 300);

    private final CollapsePolicy verdict = new CollapsePolicy(FeedbackThresholds.DEFAULTS, CollapseThresholds.DEFAULTS);
    private final LoopController controller =
            new LoopController(FeedbackThresholds.DEFAULTS, CollapseThresholds.DEFAULTS, ControllerLimits.DEFAULTS);

    private static Map<String, Double> measured(double distinct2, double tailCoverage, double heldOutPerplexity) {
        Map<String, Double> m = new HashMap<>();
        m.put("distinct2", distinct2);
        m.put("tailCoverage", tailCoverage);
        m.put("heldOutPerplexity", heldOutPerplexity);
        return m;
    }

    /**
     * A campaign as the evaluator and the evolver run it: each generation's verdict advises, the controller decides,
     * the previous generation's moves get their outcome, and (with feedback on) the moves reach the next plan.
     */
    private final class Campaign {
        private final boolean feedbackOn;
        private final LoopController control;
        private PlanValues plan = START;
        private Map<String, Double> first;
        private Map<String, Double> previous;
        private final List<PastStep> history = new ArrayList<>();
        private List<KnobStep> lastSteps = List.of();
        private int generation;

        Campaign(boolean feedbackOn, LoopController control) {
            this.feedbackOn = feedbackOn;
            this.control = control;
        }

        Campaign() {
            this(true, controller);
        }

        Map<String, KnobStep> next(Map<String, Double> current) {
            generation++;
            var readings = new SignalReadings(REFERENCE, first != null ? first : current, previous, current);
            for (KnobStep step : lastSteps) {
                if (step.action().moves()) {
                    StepOutcome o = StepOutcome.of(step, readings, plan, control.limits().outcomeTolerance());
                    history.replaceAll(p -> p.parameter().equals(step.parameter()) && p.generation() == generation - 1
                            ? new PastStep(p.parameter(), p.generation(), p.action(), p.goodStreak(),
                                    o.outcome().orElse(null), o.applied()) : p);
                }
            }
            Assessment assessment = verdict.assess(REFERENCE, first, previous, current, plan);
            lastSteps = control.decide(assessment.changes(), readings, plan, START, history);
            Map<String, KnobStep> byKnob = new HashMap<>();
            for (KnobStep step : lastSteps) {
                byKnob.put(step.parameter(), step);
                history.add(new PastStep(step.parameter(), generation, step.action(), step.goodStreak(), null, null));
                if (feedbackOn && step.action().moves()) {
                    plan = Knob.of(step.parameter()).orElseThrow().with(plan, step.to());
                }
            }
            first = first != null ? first : current;
            previous = current;
            return byKnob;
        }
    }

    @Test
    void shouldTightenEachKnobAgainstTheDriftItSees() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));

        Map<String, KnobStep> steps = campaign.next(measured(0.6, 0.3, 420)); // distinct-2 −14 %, tail 0.75x, ppl 1.4x

        KnobStep anchor = steps.get(Change.ANCHOR_RATIO);
        assertEquals(KnobAction.TIGHTEN, anchor.action());
        assertEquals(0.15, anchor.to(), 1e-12);
        assertEquals(TargetSignal.TAIL_COVERAGE, anchor.targetSignal());
        assertEquals(0.3, anchor.signalBefore(), 1e-12);
        assertEquals(KnobAction.TIGHTEN, steps.get(Change.IN_BREADTH_SHARE).action());
        assertEquals(0.65, steps.get(Change.IN_BREADTH_SHARE).to(), 1e-12);
        assertEquals(KnobAction.TIGHTEN, steps.get(Change.NEAR_DUPLICATE_THRESHOLD).action());
        assertEquals(0.75, steps.get(Change.NEAR_DUPLICATE_THRESHOLD).to(), 1e-12);
        assertEquals(TargetSignal.DISTINCT_2, steps.get(Change.NEAR_DUPLICATE_THRESHOLD).targetSignal());
        assertEquals(new PlanValues(0.65, 1.0, 0.15, 0.75), campaign.plan);
    }

    @Test
    void shouldNameHeldOutPerplexityAsTheAnchorsTargetWhenOnlyItIsPastItsLimit() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));

        KnobStep anchor = campaign.next(measured(0.7, 0.4, 420)).get(Change.ANCHOR_RATIO);

        assertEquals(KnobAction.TIGHTEN, anchor.action());
        assertEquals(TargetSignal.HELD_OUT_PERPLEXITY, anchor.targetSignal());
        assertEquals(420, anchor.signalBefore(), 1e-12);
    }

    @Test
    void shouldRelaxOneStepTowardTheStartOnlyAfterTwoGoodGenerations() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));
        campaign.next(measured(0.6, 0.3, 420));

        Map<String, KnobStep> firstGood = campaign.next(measured(0.7, 0.38, 340));
        Map<String, KnobStep> secondGood = campaign.next(measured(0.7, 0.39, 335));
        Map<String, KnobStep> thirdGood = campaign.next(measured(0.7, 0.39, 335));

        assertEquals(KnobAction.HOLD, firstGood.get(Change.ANCHOR_RATIO).action());
        assertEquals(1, firstGood.get(Change.ANCHOR_RATIO).goodStreak());
        KnobStep relax = secondGood.get(Change.ANCHOR_RATIO);
        assertEquals(KnobAction.RELAX, relax.action());
        assertEquals(0.15, relax.from(), 1e-12);
        assertEquals(0.1, relax.to(), 1e-12);
        assertTrue(relax.reason().contains("good for 2 generations"), relax.reason());
        assertEquals(KnobAction.RELAX, secondGood.get(Change.IN_BREADTH_SHARE).action());
        assertEquals(KnobAction.RELAX, secondGood.get(Change.NEAR_DUPLICATE_THRESHOLD).action());
        assertEquals(START, campaign.plan, "every knob is back where the campaign started");
        assertEquals(KnobAction.HOLD, thirdGood.get(Change.ANCHOR_RATIO).action());
    }

    @Test
    void shouldWaitForTheConfiguredNumberOfGoodGenerations() {
        var patient = new LoopController(FeedbackThresholds.DEFAULTS, CollapseThresholds.DEFAULTS,
                new ControllerLimits(0.9, 1.2, 0.01, 0.03, 3, 0.01));
        Campaign campaign = new Campaign(true, patient);
        campaign.next(measured(0.7, 0.4, 330));
        campaign.next(measured(0.7, 0.3, 330));

        List<KnobAction> anchor = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            anchor.add(campaign.next(measured(0.7, 0.39, 335)).get(Change.ANCHOR_RATIO).action());
        }

        assertEquals(List.of(KnobAction.HOLD, KnobAction.HOLD, KnobAction.RELAX), anchor);
    }

    @Test
    void shouldHoldEveryKnobWhileItsSignalSitsBetweenTheTwoLimits() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));
        campaign.next(measured(0.6, 0.3, 420));
        PlanValues tightened = campaign.plan;

        double distinct2 = 0.6;
        for (int g = 0; g < 6; g++) {
            distinct2 *= g % 2 == 0 ? 0.97 : 0.98; // falls 3 % or 2 %: between the good 1 % and the worse 5 %
            double tail = g % 2 == 0 ? 0.33 : 0.35; // 0.83x / 0.88x generation 1's: between 0.8 and 0.9
            double perplexity = g % 2 == 0 ? 370 : 380; // 1.23x / 1.27x the reference's: between 1.2 and 1.3
            Map<String, KnobStep> steps = campaign.next(measured(distinct2, tail, perplexity));
            steps.values().forEach(s -> assertEquals(KnobAction.HOLD, s.action(), s.parameter() + " " + s.reason()));
        }

        assertEquals(tightened, campaign.plan);
    }

    @Test
    void shouldNeverRelaxPastTheCampaignsStartingValue() {
        SignalReadings good = new SignalReadings(REFERENCE, measured(0.7, 0.4, 330), measured(0.7, 0.4, 330),
                measured(0.7, 0.4, 330));
        List<PastStep> oneGoodGeneration = List.of(new PastStep(Change.ANCHOR_RATIO, 5, KnobAction.HOLD, 1, null, null),
                new PastStep(Change.NEAR_DUPLICATE_THRESHOLD, 5, KnobAction.HOLD, 7, null, null));

        List<KnobStep> steps = controller.decide(List.of(), good, new PlanValues(0.5, 1.0, 0.12, 0.78), START,
                oneGoodGeneration);
        Map<String, KnobStep> byKnob = new HashMap<>();
        steps.forEach(s -> byKnob.put(s.parameter(), s));
        List<KnobStep> atStart = controller.decide(List.of(), good, START, START,
                List.of(new PastStep(Change.ANCHOR_RATIO, 9, KnobAction.HOLD, 9, null, null)));

        assertEquals(KnobAction.RELAX, byKnob.get(Change.ANCHOR_RATIO).action());
        assertEquals(0.1, byKnob.get(Change.ANCHOR_RATIO).to(), 1e-12, "0.12 − 0.05 would pass the start");
        assertEquals(0.8, byKnob.get(Change.NEAR_DUPLICATE_THRESHOLD).to(), 1e-12);
        assertTrue(atStart.stream().allMatch(s -> s.action() == KnobAction.HOLD), atStart.toString());
        assertEquals(10, atStart.get(0).goodStreak());
    }

    @Test
    void shouldWithholdRaisingTheTemperatureBecauseTheBenchmarkMeasuredItHarmful() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));

        KnobStep temperature = campaign.next(measured(0.6, 0.4, 330)).get(Change.TEMPERATURE);

        assertEquals(KnobAction.WITHHELD, temperature.action());
        assertEquals(1.1, temperature.to(), 1e-12, "the advice is kept for the report");
        assertTrue(temperature.heldBecause().startsWith("withheld: measured harmful ("), temperature.heldBecause());
        assertTrue(temperature.heldBecause().contains("765 / 967"), temperature.heldBecause());
        assertEquals(1.0, campaign.plan.temperature(), 1e-12);
        assertThrows(IllegalStateException.class, temperature::change, "a withheld step is never an adjustment");
        assertEquals(Optional.of(HarmfulAdvice.RAISING_TEMPERATURE), HarmfulAdvice.of(Change.TEMPERATURE, 1.0, 1.1));
        assertEquals(Optional.empty(), HarmfulAdvice.of(Change.TEMPERATURE, 1.1, 1.0));
    }

    @Test
    void shouldFreezeADirectionWhoseLastTwoAppliedChangesWorsenedTheirSignal() {
        Campaign campaign = new Campaign();
        campaign.next(measured(0.7, 0.4, 330));
        KnobStep first = campaign.next(measured(0.7, 0.3, 330)).get(Change.ANCHOR_RATIO);
        KnobStep second = campaign.next(measured(0.7, 0.28, 330)).get(Change.ANCHOR_RATIO); // tails fell after it

        KnobStep third = campaign.next(measured(0.7, 0.26, 330)).get(Change.ANCHOR_RATIO); // and again

        assertEquals(KnobAction.TIGHTEN, first.action());
        assertEquals(KnobAction.TIGHTEN, second.action());
        assertEquals(KnobAction.FROZEN, third.action());
        assertTrue(third.heldBecause().contains("generations 2 and 3"), third.heldBecause());
        assertEquals(0.2, campaign.plan.anchorRatio(), 1e-12, "the frozen raise is not applied");
        assertEquals(List.of(Outcome.WORSENED, Outcome.WORSENED), campaign.history.stream()
                .filter(p -> p.parameter().equals(Change.ANCHOR_RATIO) && p.action() == KnobAction.TIGHTEN)
                .map(PastStep::outcome).toList());
    }

    @Test
    void shouldNotLearnFromAdviceThatWasNeverApplied() {
        Campaign withoutFeedback = new Campaign(false, controller);
        withoutFeedback.next(measured(0.7, 0.4, 330));
        withoutFeedback.next(measured(0.7, 0.3, 330));
        withoutFeedback.next(measured(0.7, 0.28, 330));

        KnobStep anchor = withoutFeedback.next(measured(0.7, 0.26, 330)).get(Change.ANCHOR_RATIO);

        assertEquals(KnobAction.TIGHTEN, anchor.action(), "proposed again: nothing was tried, so nothing was learned");
        assertEquals(START, withoutFeedback.plan);
        assertTrue(withoutFeedback.history.stream().filter(p -> p.action() == KnobAction.TIGHTEN && p.applied() != null)
                .noneMatch(PastStep::applied));
    }

    @Test
    void shouldClassifyAnOutcomeByTheSignalsDirectionWithinTheTolerance() {
        assertEquals(Optional.of(Outcome.IMPROVED), Outcome.of(TargetSignal.TAIL_COVERAGE, 0.30, 0.33, 0.01));
        assertEquals(Optional.of(Outcome.WORSENED), Outcome.of(TargetSignal.TAIL_COVERAGE, 0.30, 0.28, 0.01));
        assertEquals(Optional.of(Outcome.IMPROVED), Outcome.of(TargetSignal.HELD_OUT_PERPLEXITY, 420, 380, 0.01));
        assertEquals(Optional.of(Outcome.WORSENED), Outcome.of(TargetSignal.SELF_BLEU, 0.20, 0.25, 0.01));
        assertEquals(Optional.of(Outcome.UNCHANGED), Outcome.of(TargetSignal.DISTINCT_2, 0.600, 0.603, 0.01));
        assertEquals(Optional.of(Outcome.UNCHANGED), Outcome.of(TargetSignal.HELD_OUT_PERPLEXITY, 300, 297.5, 0.01));
        assertEquals(Optional.empty(), Outcome.of(TargetSignal.DISTINCT_2, 0.6, Double.NaN, 0.01));
    }

    @Test
    void shouldRecordTheSignalBeforeAndAfterAndWhetherTheNextPlanCarriedTheChange() {
        var step = new KnobStep(Change.ANCHOR_RATIO, KnobAction.TIGHTEN, 0.1, 0.15, 0, TargetSignal.TAIL_COVERAGE,
                0.30, "tails drift", null);
        var next = new SignalReadings(REFERENCE, measured(0.7, 0.4, 330), measured(0.7, 0.3, 330),
                measured(0.7, 0.36, 330));

        StepOutcome carried = StepOutcome.of(step, next, new PlanValues(0.5, 1.0, 0.15, 0.8), 0.01);
        StepOutcome notCarried = StepOutcome.of(step, next, START, 0.01);

        assertEquals(0.30, carried.before(), 1e-12);
        assertEquals(0.36, carried.after(), 1e-12);
        assertEquals(Optional.of(Outcome.IMPROVED), carried.outcome());
        assertTrue(carried.applied());
        assertFalse(notCarried.applied());
    }

    @Test
    void shouldRejectGoodLimitsThatAreNotStricterThanTheWorseOnes() {
        assertThrows(IllegalArgumentException.class, () -> new LoopController(FeedbackThresholds.DEFAULTS,
                CollapseThresholds.DEFAULTS, new ControllerLimits(0.8, 1.2, 0.01, 0.03, 2, 0.01)));
        assertThrows(IllegalArgumentException.class, () -> new LoopController(FeedbackThresholds.DEFAULTS,
                CollapseThresholds.DEFAULTS, new ControllerLimits(0.9, 1.3, 0.01, 0.03, 2, 0.01)));
        assertThrows(IllegalArgumentException.class, () -> new LoopController(FeedbackThresholds.DEFAULTS,
                CollapseThresholds.DEFAULTS, new ControllerLimits(0.9, 1.2, 0.06, 0.03, 2, 0.01)));
        assertThrows(IllegalArgumentException.class, () -> new ControllerLimits(0.9, 1.2, 0.01, 0.03, 0, 0.01));
    }
}
