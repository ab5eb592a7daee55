package dev.longtail.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeedbackPolicyTest {

    private static final VersionSignals REFERENCE = new VersionSignals(0.3, 0.7, 9.0, 1.0, 300.0, 80.0);
    private static final PlanValues PLAN = new PlanValues(0.5, 1.0, 0.1, 0.8);
    private final FeedbackPolicy policy = new FeedbackPolicy(FeedbackThresholds.DEFAULTS);

    private static VersionSignals metrics(double distinct2, double tail, double perplexity) {
        return new VersionSignals(0.3, distinct2, 9.0, tail, perplexity, 80.0);
    }

    private static Map<String, Double> targets(Assessment a) {
        return a.changes().stream().collect(Collectors.toMap(Change::parameter, Change::to));
    }

    @Test
    void shouldFindAHealthyGenerationAndChangeNothing() {
        Assessment a = policy.assess(REFERENCE, null, metrics(0.69, 0.9, 330), PLAN);
        assertEquals(Health.HEALTHY, a.health());
        assertTrue(a.reasons().isEmpty());
        assertTrue(a.changes().isEmpty());
    }

    @Test
    void shouldWidenTopicsWhenDistinct2FallsAgainstThePreviousGeneration() {
        VersionSignals previous = metrics(0.7, 0.95, 310);
        Assessment a = policy.assess(REFERENCE, previous, metrics(0.6, 0.95, 310), PLAN);
        assertEquals(Health.DRIFTING, a.health());
        assertEquals(1, a.reasons().size());
        assertTrue(a.reasons().get(0).contains("distinct-2"), a.reasons().get(0));
        assertEquals(Map.of(Change.IN_BREADTH_SHARE, 0.65, Change.TEMPERATURE, 1.1, Change.NEAR_DUPLICATE_THRESHOLD, 0.75),
                targets(a));
    }

    @Test
    void shouldCompareDistinct2WithTheReferenceInGenerationOne() {
        Assessment a = policy.assess(REFERENCE, null, metrics(0.66, 1.0, 300), PLAN); // 5.7% below 0.7
        assertEquals(Health.DRIFTING, a.health());
        assertTrue(a.reasons().get(0).contains("reference"));
    }

    @Test
    void shouldAddAnchorsWhenTailCoverageDrifts() {
        Assessment a = policy.assess(REFERENCE, null, metrics(0.7, 0.75, 300), PLAN);
        assertEquals(Health.DRIFTING, a.health());
        assertEquals(Map.of(Change.ANCHOR_RATIO, 0.15), targets(a));
    }

    @Test
    void shouldAddAnchorsWhenPerplexityDrifts() {
        Assessment a = policy.assess(REFERENCE, null, metrics(0.7, 1.0, 400), PLAN); // 1.33x
        assertEquals(Health.DRIFTING, a.health());
        assertTrue(a.reasons().get(0).contains("1.33x"), a.reasons().get(0));
        assertEquals(Map.of(Change.ANCHOR_RATIO, 0.15), targets(a));
    }

    @Test
    void shouldDeclareCollapseAndAddMoreAnchorsWhenPerplexityDoubles() {
        Assessment a = policy.assess(REFERENCE, null, metrics(0.7, 1.0, 600), PLAN);
        assertEquals(Health.COLLAPSING, a.health());
        assertEquals(Map.of(Change.ANCHOR_RATIO, 0.2), targets(a));
    }

    @Test
    void shouldDeclareCollapseWhenTailCoverageHalves() {
        Assessment a = policy.assess(REFERENCE, metrics(0.7, 0.7, 300), metrics(0.5, 0.4, 700), PLAN);
        assertEquals(Health.COLLAPSING, a.health());
        assertEquals(3, a.reasons().size());
        assertEquals(0.2, targets(a).get(Change.ANCHOR_RATIO), 1e-12);
        assertEquals(0.65, targets(a).get(Change.IN_BREADTH_SHARE), 1e-12);
    }

    @Test
    void shouldClampAdjustmentsAndOmitThoseThatCannotMove() {
        PlanValues saturated = new PlanValues(0.9, 1.45, 0.48, 0.6);
        Assessment a = policy.assess(REFERENCE, null, metrics(0.5, 0.3, 700), saturated);
        assertEquals(Map.of(Change.TEMPERATURE, 1.5, Change.ANCHOR_RATIO, 0.5), targets(a));
        List<Change> changes = a.changes();
        assertTrue(changes.stream().allMatch(c -> c.from() != c.to() && !c.reason().isBlank()));
    }

    @Test
    void shouldValidateThresholds() {
        assertThrows(IllegalArgumentException.class, () -> new FeedbackThresholds(2.0, 1.3, 0.8, 0.5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new FeedbackThresholds(1.3, 2.0, 0.5, 0.8, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new FeedbackThresholds(1.3, 2.0, 0.8, 0.5, 1.0));
        assertEquals(new FeedbackThresholds(1.3, 2.0, 0.8, 0.5, 0.05), FeedbackThresholds.DEFAULTS);
    }

    @Test
    void shouldJudgeTailsAgainstTheFirstGenerationWhenItIsGiven() {
        VersionSignals first = metrics(0.7, 0.3, 310);

        Assessment firstItself = policy.assess(REFERENCE, first, null, first, PLAN);
        Assessment kept = policy.assess(REFERENCE, first, first, metrics(0.7, 0.28, 310), PLAN);
        Assessment lost = policy.assess(REFERENCE, first, first, metrics(0.7, 0.12, 310), PLAN);

        assertEquals(Health.HEALTHY, firstItself.health(), firstItself.reasons().toString());
        assertEquals(Health.HEALTHY, kept.health(), kept.reasons().toString());
        assertEquals(Health.COLLAPSING, lost.health());
        assertTrue(lost.reasons().get(0).contains("generation 1's 0.300"), lost.reasons().get(0));
        assertEquals(0.2, targets(lost).get(Change.ANCHOR_RATIO), 1e-9);
    }
}
