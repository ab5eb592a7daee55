package dev.longtail.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.longtail.core.experiment.ExperimentComparison.Arm;
import dev.longtail.core.experiment.ExperimentComparison.ArmGeneration;
import dev.longtail.core.experiment.ExperimentComparison.Difference;
import dev.longtail.core.experiment.ExperimentComparison.Result;

class ExperimentComparisonTest {

    private static final double EPS = 1e-12;

    @Test
    void shouldGiveTheMeanAndTheSampleStandardDeviation() {
        Statistic statistic = Statistic.of(List.of(1.0, 2.0, 3.0, 4.0)).orElseThrow();

        assertEquals(2.5, statistic.mean(), EPS);
        assertEquals(Math.sqrt(5.0 / 3.0), statistic.sd(), EPS, "sum of squares 5 over n - 1 = 3");
        assertEquals(4, statistic.n());
    }

    @Test
    void shouldGiveNoStandardDeviationForOneValueAndNoStatisticForNone() {
        Statistic one = Statistic.of(List.of(7.5)).orElseThrow();

        assertEquals(7.5, one.mean());
        assertNull(one.sd());
        assertEquals(1, one.n());
        assertTrue(Statistic.of(List.of()).isEmpty());
    }

    @Test
    void shouldMeasurePerplexityAndLengthAgainstTheCampaignsOwnReference() {
        Measurement reference = new Measurement(100, 0.9, 0.8, 20, null);
        Measurement version = new Measurement(125, 0.3, 0.6, 18, "DRIFTING");

        assertEquals(1.25, ComparedMetric.PERPLEXITY_RATIO.of(version, reference).getAsDouble(), EPS);
        assertEquals(0.9, ComparedMetric.LENGTH_RATIO.of(version, reference).getAsDouble(), EPS);
        assertEquals(0.3, ComparedMetric.TAIL_COVERAGE.of(version, reference).getAsDouble());
        assertEquals(0.6, ComparedMetric.DISTINCT_2.of(version, reference).getAsDouble());
        assertEquals(18, ComparedMetric.MEAN_WORDS.of(version, reference).getAsDouble());
    }

    @Test
    void shouldGiveNoRatioWithoutAUsableReference() {
        Measurement version = new Measurement(125, 0.3, 0.6, 18, "HEALTHY");

        assertTrue(ComparedMetric.PERPLEXITY_RATIO.of(version, null).isEmpty());
        assertTrue(ComparedMetric.PERPLEXITY_RATIO.of(version, new Measurement(0, 1, 1, 0, null)).isEmpty());
        assertTrue(ComparedMetric.LENGTH_RATIO.of(version, new Measurement(0, 1, 1, 0, null)).isEmpty());
        assertTrue(ComparedMetric.TAIL_COVERAGE.of(version, null).isPresent(), "an absolute metric needs none");
    }

    @Test
    void shouldAverageEachArmOverItsSeedsAndPairItsDifferenceFromTheControlBySeed() {
        // each seed has its own reference perplexity; D takes it out: control D = 1.2 for every seed
        Arm control = new Arm("control", List.of(campaign(42, 100, 120), campaign(43, 200, 240), campaign(44, 50, 60)));
        Arm longtail = new Arm("longtail", List.of(campaign(42, 100, 130), campaign(43, 200, 300),
                campaign(44, 50, 70)));

        Result result = ExperimentComparison.compare(List.of(control, longtail), "control");

        Statistic controlD = metric(result, 0, 1, ComparedMetric.PERPLEXITY_RATIO);
        assertEquals(1.2, controlD.mean(), EPS);
        assertEquals(0.0, controlD.sd(), 1e-9);
        Statistic longtailD = metric(result, 1, 1, ComparedMetric.PERPLEXITY_RATIO);
        assertEquals(1.4, longtailD.mean(), EPS, "D = 1.3, 1.5, 1.4");
        assertEquals(0.1, longtailD.sd(), 1e-9);
        assertEquals(3, longtailD.n());

        Difference d = difference(result, "longtail", 1, ComparedMetric.PERPLEXITY_RATIO);
        assertEquals("control", d.against());
        assertEquals(0.2, d.statistic().mean(), 1e-9, "paired differences 0.1, 0.3, 0.2");
        assertEquals(0.1, d.statistic().sd(), 1e-9);
        assertEquals(3, d.statistic().n());
        assertTrue(result.differences().stream().noneMatch(x -> x.arm().equals("control")),
                "the control is not compared with itself");
    }

    @Test
    void shouldSummariseTheReferenceOncePerRandomSeed() {
        Arm control = new Arm("control", List.of(campaign(42, 100, 120), campaign(43, 200, 240), campaign(44, 50, 60)));
        Arm other = new Arm("other", List.of(campaign(42, 100, 110)));

        Statistic perplexity = ExperimentComparison.compare(List.of(control, other), "control").reference()
                .perplexity();

        assertEquals(350.0 / 3, perplexity.mean(), 1e-9);
        assertEquals(Math.sqrt(17500.0 / 3), perplexity.sd(), 1e-9, "squares 35000/3 over n - 1 = 2");
        assertEquals(3, perplexity.n(), "seed 42's reference counts once although two arms measured it");
    }

    @Test
    void shouldLeaveOutWhatIsNotMeasuredYetAndCountOnlyTheSeedsThatAre() {
        var reference = new Measurement(100, 1, 1, 20, null);
        var early = new CampaignMeasurements(44, reference, Map.of(1, new Measurement(110, 0.5, 0.7, 20, "HEALTHY")));
        Arm control = new Arm("control", List.of(campaign(42, 100, 120, 150), campaign(43, 100, 120, 130), early));
        Arm arm = new Arm("arm", List.of(campaign(42, 100, 110, 120), campaign(44, 100, 105)));

        Result result = ExperimentComparison.compare(List.of(control, arm), "control");

        assertEquals(2, result.arms().get(0).generations().size());
        assertEquals(2, metric(result, 0, 2, ComparedMetric.PERPLEXITY_RATIO).n(), "seed 44 has not reached 2");
        assertEquals(1.4, metric(result, 0, 2, ComparedMetric.PERPLEXITY_RATIO).mean(), EPS);
        assertEquals(2, difference(result, "arm", 1, ComparedMetric.PERPLEXITY_RATIO).statistic().n(),
                "seed 43 has no campaign in the arm");
        assertEquals(-0.3, difference(result, "arm", 2, ComparedMetric.PERPLEXITY_RATIO).statistic().mean(), 1e-9);
        assertEquals(1, difference(result, "arm", 2, ComparedMetric.PERPLEXITY_RATIO).statistic().n());
    }

    @Test
    void shouldCountTheVerdictsOfEachGeneration() {
        var reference = new Measurement(100, 1, 1, 20, null);
        Arm arm = new Arm("arm", List.of(
                new CampaignMeasurements(1, reference, Map.of(1, new Measurement(110, 1, 1, 20, "HEALTHY"))),
                new CampaignMeasurements(2, reference, Map.of(1, new Measurement(110, 1, 1, 20, "HEALTHY"))),
                new CampaignMeasurements(3, reference, Map.of(1, new Measurement(190, 1, 1, 20, "COLLAPSING")))));

        ArmGeneration first = ExperimentComparison.compare(List.of(arm), "arm").arms().get(0).generations().get(0);

        assertEquals(Map.of("healthy", 2, "collapsing", 1), first.verdicts());
    }

    @Test
    void shouldGiveNoDifferencesWithoutAControlAmongTheArms() {
        Arm a = new Arm("a", List.of(campaign(42, 100, 120)));
        Arm b = new Arm("b", List.of(campaign(42, 100, 130)));

        assertTrue(ExperimentComparison.compare(List.of(a, b), "control").differences().isEmpty());
        assertTrue(ExperimentComparison.compare(List.of(a, b), null).differences().isEmpty());
        assertEquals(2, ExperimentComparison.compare(List.of(a, b), null).arms().size());
    }

    /** A campaign whose reference has the given held-out perplexity and whose generations 1, 2, ... have these. */
    private static CampaignMeasurements campaign(long seed, double referencePerplexity, double... perplexities) {
        var generations = new java.util.HashMap<Integer, Measurement>();
        for (int g = 1; g <= perplexities.length; g++) {
            generations.put(g, new Measurement(perplexities[g - 1], 0.5, 0.8, 20, "HEALTHY"));
        }
        return new CampaignMeasurements(seed, new Measurement(referencePerplexity, 1, 0.9, 20, null), generations);
    }

    private static Statistic metric(Result result, int arm, int generation, ComparedMetric metric) {
        return result.arms().get(arm).generations().stream().filter(g -> g.generation() == generation)
                .findFirst().orElseThrow().metrics().get(metric);
    }

    private static Difference difference(Result result, String arm, int generation, ComparedMetric metric) {
        return result.differences().stream()
                .filter(d -> d.arm().equals(arm) && d.generation() == generation && d.metric() == metric)
                .findFirst().orElseThrow();
    }
}
