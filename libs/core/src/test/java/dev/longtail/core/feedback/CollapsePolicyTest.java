package dev.longtail.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollapsePolicyTest {

    private static final PlanValues PLAN = new PlanValues(0.5, 0.9, 0.2, 0.8);
    private final CollapsePolicy policy = new CollapsePolicy(FeedbackThresholds.DEFAULTS, CollapseThresholds.DEFAULTS);

    private static Map<String, Double> healthy() {
        Map<String, Double> m = new HashMap<>();
        m.put("distinct1", 0.4);
        m.put("distinct2", 0.8);
        m.put("unigramEntropy", 9.0);
        m.put("tailCoverage", 0.3);
        m.put("heldOutPerplexity", 300.0);
        m.put("meanWords", 40.0);
        m.put("lengthP50", 38.0);
        m.put("selfBleu", 0.2);
        m.put("vendiScore", 50.0);
        m.put("overProbableShare", 0.3);
        m.put("implausibleShare", 0.05);
        m.put("rareClusterShare", 0.8);
        m.put("embeddingFrechetDistance", 0.1);
        return m;
    }

    @Test
    void shouldJudgeAnUnchangedGenerationHealthyWithoutAdjustments() {
        Assessment a = policy.assess(healthy(), healthy(), healthy(), healthy(), PLAN);
        assertEquals(Health.HEALTHY, a.health());
        assertTrue(a.reasons().isEmpty());
        assertTrue(a.changes().isEmpty());
    }

    @Test
    void shouldCallLinesOfAWordOrTwoCollapsingAndAskForRealData() {
        Map<String, Double> shrunk = healthy();
        shrunk.put("meanWords", 2.5);
        shrunk.put("lengthP50", 2.0);
        Assessment a = policy.assess(healthy(), healthy(), healthy(), shrunk, PLAN);
        assertEquals(Health.COLLAPSING, a.health());
        assertTrue(a.reasons().stream().anyMatch(r -> r.contains("samples shrink")), a.reasons().toString());
        Change anchor = a.changes().stream().filter(c -> c.parameter().equals(Change.ANCHOR_RATIO)).findFirst().orElseThrow();
        assertEquals(0.3, anchor.to(), 1e-9);
    }

    @Test
    void shouldWidenTopicsWhenSelfBleuRisesAndFlattenSamplingWhenOverProbableSamplesPileUp() {
        Map<String, Double> repetitive = healthy();
        repetitive.put("selfBleu", 0.3);
        repetitive.put("overProbableShare", 0.6);
        Assessment a = policy.assess(healthy(), healthy(), healthy(), repetitive, PLAN);
        assertEquals(Health.DRIFTING, a.health());
        assertEquals(List.of(Change.IN_BREADTH_SHARE, Change.TEMPERATURE, Change.NEAR_DUPLICATE_THRESHOLD),
                a.changes().stream().map(Change::parameter).toList());
        Change temperature = a.changes().get(1);
        assertEquals(1.0, temperature.to(), 1e-9);
        assertTrue(temperature.reason().contains("over-probable"), temperature.reason());
    }

    @Test
    void shouldNotJudgeSelfBleuOfTheFirstGenerationAgainstTheFarLessAlikeReference() {
        Map<String, Double> first = healthy();
        first.put("selfBleu", 0.6);
        Assessment a = policy.assess(healthy(), null, null, first, PLAN);
        assertEquals(Health.HEALTHY, a.health(), a.reasons().toString());
    }

    @Test
    void shouldNotJudgeSignalsThatWereNotMeasured() {
        Map<String, Double> lexicalOnly = healthy();
        lexicalOnly.remove("vendiScore");
        lexicalOnly.remove("embeddingFrechetDistance");
        Map<String, Double> first = healthy();
        Assessment a = policy.assess(healthy(), first, healthy(), lexicalOnly, PLAN);
        assertEquals(Health.HEALTHY, a.health());
    }

    @Test
    void shouldKeepTheBasePolicysVerdictOnTheSixLoopMetrics() {
        Map<String, Double> perplexed = healthy();
        perplexed.put("heldOutPerplexity", 700.0);
        Assessment a = policy.assess(healthy(), healthy(), healthy(), perplexed, PLAN);
        assertEquals(Health.COLLAPSING, a.health());
        assertTrue(a.reasons().get(0).contains("held-out perplexity"));
    }

    @Test
    void shouldAskForRealDataWhenTheHeldOutTailShrinksAgainstGenerationOne() {
        Map<String, Double> first = healthy();
        first.put("heldOutTailCoverage", 0.4);
        Map<String, Double> shrunk = healthy();
        shrunk.put("heldOutTailCoverage", 0.3);
        Assessment drifting = policy.assess(healthy(), first, healthy(), shrunk, PLAN);
        assertEquals(Health.DRIFTING, drifting.health());
        assertEquals(List.of("held-out tail coverage 0.3000 is 0.75x generation 1's 0.4000 (drifting at <= 0.80x)"),
                drifting.reasons());
        assertTrue(drifting.changes().stream().anyMatch(c -> c.parameter().equals(Change.ANCHOR_RATIO)));

        shrunk.put("heldOutTailCoverage", 0.1);
        assertEquals(Health.COLLAPSING, policy.assess(healthy(), first, healthy(), shrunk, PLAN).health());
    }

    @Test
    void shouldCallCategoriesLostSinceGenerationOneDrifting() {
        Map<String, Double> first = healthy();
        first.put("categoryCoverage", 1.0);
        Map<String, Double> narrowed = healthy();
        narrowed.put("categoryCoverage", 0.75);
        Assessment a = policy.assess(healthy(), first, healthy(), narrowed, PLAN);
        assertEquals(Health.DRIFTING, a.health());
        assertEquals(List.of("categories holding 25.0% of the reference are gone since generation 1: coverage 0.750,"
                + " generation 1's 1.000 (drifting at -10 points)"), a.reasons());
        Assessment same = policy.assess(healthy(), first, healthy(), first, PLAN);
        assertEquals(Health.HEALTHY, same.health(), same.reasons().toString());
    }
}
