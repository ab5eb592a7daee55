package dev.longtail.evolver.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.core.random.SeedMixer;

class PlanRulesTest {

    private static final GenerationPlan PLAN = new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 120, 1),
            new CurationPolicy(0.1, 0.8, 3, 300));

    @Test
    void shouldCarryTheBackendTheCampaignChoseIntoEveryLaterPlan() {
        var chosen = new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 120, 1),
                new CurationPolicy(0.1, 0.8, 3, 300), "vllm");

        var next = PlanRules.next(chosen, List.of(new Adjustment(Adjustment.TEMPERATURE, 1.0, 1.1, "diversify")), 2);

        assertEquals("vllm", next.plan().backend());
        assertEquals(null, PlanRules.next(PLAN, List.of(), 2).plan().backend(), "no choice: the generator's default");
    }

    @Test
    void shouldApplyEveryKnownAdjustmentToItsParameter() {
        var next = PlanRules.next(PLAN, List.of(
                new Adjustment(Adjustment.IN_BREADTH_SHARE, 0.5, 0.7, "widen"),
                new Adjustment(Adjustment.TEMPERATURE, 1.0, 1.2, "diversify"),
                new Adjustment(Adjustment.ANCHOR_RATIO, 0.1, 0.3, "anchor"),
                new Adjustment(Adjustment.NEAR_DUPLICATE_THRESHOLD, 0.8, 0.7, "stricter")), 2);
        assertEquals(new GenerationPlan(0.7, new SamplingParameters(1.2, 0.95, 120, 2),
                new CurationPolicy(0.3, 0.7, 3, 300)), next.plan());
        assertTrue(next.warnings().isEmpty());
    }

    @Test
    void shouldIgnoreUnknownParametersWithAWarning() {
        var next = PlanRules.next(PLAN, List.of(new Adjustment("generator.backend", 0, 1, "?")), 2);
        assertEquals(PLAN.curation(), next.plan().curation());
        assertEquals(PLAN.inBreadthShare(), next.plan().inBreadthShare());
        assertEquals(1, next.warnings().size());
        assertTrue(next.warnings().get(0).contains("generator.backend"));
    }

    @Test
    void shouldClampValuesOutsideTheirDomain() {
        var next = PlanRules.next(PLAN, List.of(new Adjustment(Adjustment.ANCHOR_RATIO, 0.1, 1.5, "too much"),
                new Adjustment(Adjustment.TEMPERATURE, 1.0, -1, "impossible")), 2);
        assertEquals(PlanRules.MAX_ANCHOR_RATIO, next.plan().curation().anchorRatio(), "below 1, as the curator needs");
        assertTrue(next.plan().sampling().temperature() > 0);
        assertEquals(2, next.warnings().size());
    }

    @Test
    void shouldLeaveThePlanAsItWasButForTheSamplingSeedWhenFeedbackIsOff() {
        var control = new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 120, 1),
                new CurationPolicy(0.1, 0.8, 3, 300, "replace", 0.6, 0.0, null), null, false, 1);

        var next = PlanRules.next(control, List.of(new Adjustment(Adjustment.TEMPERATURE, 1.0, 1.3, "diversify"),
                new Adjustment(Adjustment.ANCHOR_RATIO, 0.1, 0.3, "anchor")), 2);

        assertEquals(new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 120, 2), control.curation(), null,
                false, 1), next.plan());
        assertTrue(next.warnings().isEmpty());
    }

    @Test
    void shouldKeepTheArmsSettingsWhileApplyingTheAdjustments() {
        var arm = new GenerationPlan(0.5, new SamplingParameters(1.0, 1.0, 120, 1),
                new CurationPolicy(0.1, 0.8, 3, 300, "tail-preserving", 0.33, 0.6, 9000), "vllm", true, 3);

        var next = PlanRules.next(arm, List.of(new Adjustment(Adjustment.ANCHOR_RATIO, 0.1, 0.2, "anchor"),
                new Adjustment(Adjustment.NEAR_DUPLICATE_THRESHOLD, 0.8, 0.7, "stricter")), 2);

        assertEquals(new GenerationPlan(0.5, new SamplingParameters(1.0, 1.0, 120, 2),
                new CurationPolicy(0.2, 0.7, 3, 300, "tail-preserving", 0.33, 0.6, 9000), "vllm", true, 3),
                next.plan());
    }

    @Test
    void shouldKeepOneGenerationsWorthOfTokensWhenATailPreservingArmGeneratesSeveralCandidates() {
        assertEquals(0.25, ArmSettings.defaultKeepShare("tail-preserving", 4, 0.6), 1e-12);
        assertEquals(0.6, ArmSettings.defaultKeepShare("tail-preserving", 1, 0.6), "one candidate: the configured");
        assertEquals(0.6, ArmSettings.defaultKeepShare("ratio", 4, 0.6), "other policies keep every accepted sample");
    }

    @Test
    void shouldDeriveDifferentSeedsPerPurposeAndGeneration() {
        long sampling1 = SeedMixer.derive(42, PlanRules.SAMPLING, 1);
        assertEquals(sampling1, SeedMixer.derive(42, PlanRules.SAMPLING, 1));
        assertNotEquals(sampling1, SeedMixer.derive(42, PlanRules.SAMPLING, 2));
        assertNotEquals(sampling1, SeedMixer.derive(42, GenerationStarter.EVOLUTION, 1));
        assertNotEquals(sampling1, SeedMixer.derive(43, PlanRules.SAMPLING, 1));
    }

    @Test
    void shouldDeriveTheSameSeedsAsEarlierReleasesSoThatStoredCampaignsReplay() {
        // values of the evolver's own derivation before it moved to libs/core
        assertEquals(5164845319644620168L, SeedMixer.derive(42, CampaignService.SPLIT, 0));
        assertEquals(6274867432040634333L, SeedMixer.derive(42, PlanRules.SAMPLING, 1));
        assertEquals(1994167339045115457L, SeedMixer.derive(42, GenerationStarter.EVOLUTION, 1));
        assertEquals(-3655772641434936550L, SeedMixer.derive(-7, PlanRules.SAMPLING, 50));
    }
}
