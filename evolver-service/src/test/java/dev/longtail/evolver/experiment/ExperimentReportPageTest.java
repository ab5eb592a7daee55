package dev.longtail.evolver.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.longtail.core.experiment.Statistic;
import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;

class ExperimentReportPageTest {

    private static final ArmSettings SETTINGS = new ArmSettings("ratio", 0.1, false, 0.6, 0.0, 1, null, 1.0, 0.95);
    private static final EvolutionSettings EVOLUTION = EvolutionSettings.of(List.of("deepen", "tail-mutation"), "rule",
            true, true);

    @Test
    void shouldDrawALinePerArmWithAnErrorBarPerPointInEachOfTheFourCharts() {
        String html = ExperimentReportPage.render(report(List.of(arm("control", 1.2, 1.3), arm("longtail", 1.05, 1.1)),
                List.of(new ExperimentReport.Difference("longtail", "control", 2, "perplexityRatio", -0.2, 0.05, 3))));

        assertEquals(4, count(html, "<figure data-metric="));
        assertEquals(8, count(html, "<g data-arm="), "two arms in each of four charts");
        assertEquals(16, count(html, "<circle "), "two generations per arm and chart");
        assertEquals(16, count(html, " h6\""), "an sd bar at every point");
        assertEquals(4, count(html, "stroke-dasharray"), "the reference, dashed, in each chart");
    }

    @Test
    void shouldShowThePairedDifferenceUnderEachArmButTheControl() {
        String html = ExperimentReportPage.render(report(List.of(arm("control", 1.2, 1.3), arm("longtail", 1.05, 1.1)),
                List.of(new ExperimentReport.Difference("longtail", "control", 2, "perplexityRatio", -0.2, 0.05, 3))));

        assertTrue(html.contains("<td>longtail − control</td><td>—</td><td>-0.200 ± 0.0500</td>"), html);
        assertFalse(html.contains("control − control"));
        assertTrue(html.contains("<td>deepen, tail-mutation (rule); adaptive; gap-driven</td>"), "each arm's evolution");
    }

    @Test
    void shouldEscapeNamesAndRenderAnExperimentWithNothingMeasuredYet() {
        var report = new ExperimentReport(UUID.randomUUID(), "<b>x</b>", 3, List.of(1L), "a",
                new ExperimentReport.Reference(null, null, null, null),
                List.of(new ExperimentReport.Arm("a", SETTINGS, List.of(), EVOLUTION)), List.of(), false);

        String html = ExperimentReportPage.render(report);

        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertFalse(html.contains("<b>x</b>"));
        assertFalse(html.contains("NaN"));
        assertEquals(4, count(html, "<figure data-metric="));
    }

    private static ExperimentReport report(List<ExperimentReport.Arm> arms, List<ExperimentReport.Difference> diffs) {
        return new ExperimentReport(UUID.randomUUID(), "trial", 2, List.of(1L, 2L, 3L), "control",
                new ExperimentReport.Reference(new Statistic(600, 3.0, 3), new Statistic(0.9, 0.01, 3),
                        new Statistic(0.8, 0.01, 3), new Statistic(30, 1.0, 3)), arms, diffs, true);
    }

    private static ExperimentReport.Arm arm(String name, double... d) {
        List<ExperimentReport.Generation> generations = new java.util.ArrayList<>();
        for (int g = 1; g <= d.length; g++) {
            Statistic s = new Statistic(d[g - 1], 0.05, 3);
            generations.add(new ExperimentReport.Generation(g, s, s, s, s, s,
                    Map.of("healthy", 3, "drifting", 0, "collapsing", 0)));
        }
        return new ExperimentReport.Arm(name, SETTINGS, generations, EVOLUTION);
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
