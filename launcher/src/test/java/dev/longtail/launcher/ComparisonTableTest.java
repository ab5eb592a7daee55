package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The closing comparison, on fixture reports shaped like the evolver's experiment report. */
class ComparisonTableTest {

    private static final String D = "D\\s+gen 1";
    private static final String TAIL = "tail coverage\\s+gen 1";

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The first line starting with {@code label} after the first line that {@code heading} (a regex) begins. */
    private static String row(String table, String heading, String label) {
        List<String> lines = lines(table);
        Pattern start = Pattern.compile(heading);
        int from = lines.indexOf(lines.stream().filter(line -> start.matcher(line).lookingAt()).findFirst()
                .orElseThrow(() -> new AssertionError("no heading " + heading + " in\n" + table)));
        return lines.subList(from, lines.size()).stream().filter(line -> line.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " after " + heading + " in\n" + table));
    }

    private static void assertRow(String expected, String actual) {
        assertTrue(Pattern.matches(expected, actual), "expected /" + expected + "/ but was: " + actual);
    }

    @Test
    void shouldCompareEveryArmAtTheLastGenerationWithItsPairedDifferenceAgainstTheControl() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report.json"), true);

        assertRow("arm\\s+D\\s+tail coverage\\s+distinct-2\\s+length ratio", row(table, "Generation 5 of 5 \\(the last\\)", "arm"));
        assertRow("control\\s+1\\.65 ± 0\\.02\\s+0\\.126 ± 0\\.004\\s+0\\.752 ± 0\\.005\\s+0\\.87 ± 0\\.00",
                row(table, "Generation 5 of 5", "control"));
        assertRow("longtail\\s+1\\.21 ± 0\\.02\\s+0\\.336 ± 0\\.014\\s+0\\.836 ± 0\\.002\\s+1\\.03 ± 0\\.01",
                row(table, "Generation 5 of 5", "longtail"));
        // under longtail: longtail minus control, paired by seed
        List<String> lines = lines(table);
        String underLongtail = lines.get(lines.lastIndexOf(row(table, "Generation 5 of 5", "longtail")) + 1);
        assertRow("  − control\\s+-0\\.43 ± 0\\.02\\s+\\+0\\.210 ± 0\\.012\\s+\\+0\\.084 ± 0\\.003\\s+\\+0\\.16 ± 0\\.01",
                underLongtail);
        assertTrue(table.contains("Reference (generation 0, the real data): held-out perplexity 625.8 ± 3.2, 27.4 ± 0.3"
                + " words per record."), table);
    }

    @Test
    void shouldShowEachMetricByGenerationWithTheDifferencesUnderEachArm() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report.json"), true);

        assertRow("D\\s+gen 1\\s+gen 2\\s+gen 3\\s+gen 4\\s+gen 5", row(table, D, "D "));
        assertRow("control\\s+1\\.21 ± 0\\.01\\s+1\\.31 ± 0\\.02\\s+1\\.40 ± 0\\.04\\s+1\\.51 ± 0\\.03\\s+1\\.65 ± 0\\.02",
                row(table, D, "control"));
        assertRow("common-practice\\s+0\\.232 ± 0\\.005\\s+0\\.222 ± 0\\.008.*", row(table, TAIL, "common-practice"));
        assertRow("  − control\\s+\\+0\\.007 ± 0\\.003\\s+\\+0\\.026 ± 0\\.002.*", row(table, TAIL, "  − control"));
        assertRow("length ratio\\s+gen 1.*", row(table, "length ratio\\s+gen 1", "length ratio"));
        // the control has no difference row of its own
        String afterControl = lines(table).get(lines(table).indexOf(row(table, D, "control")) + 1);
        assertTrue(afterControl.startsWith("common-practice"), afterControl);
    }

    @Test
    void shouldStayWithin120ColumnsAndWrapManyGenerationsIntoAFurtherBlock() {
        ObjectNode report = Fixtures.json("experiment-report.json");
        // twelve generations: the five measured ones repeated under later numbers
        report.put("generations", 12);
        for (JsonNode arm : report.path("arms")) {
            ArrayNode generations = (ArrayNode) arm.path("generations");
            for (int g = 6; g <= 12; g++) {
                generations.add(((ObjectNode) generations.get((g - 1) % 5).deepCopy()).put("generation", g));
            }
        }

        String table = ComparisonTable.render(report, true);

        lines(table).forEach(line -> assertTrue(line.length() <= ComparisonTable.WIDTH, line.length() + ": " + line));
        assertTrue(table.contains("gen 12"), table);
        assertTrue(table.contains("Generation 12 of 12 (the last)"), table);
        long controlRowsOfD = lines(table).stream().filter(line -> line.startsWith("control ")).count();
        assertTrue(controlRowsOfD >= 4 * 2 + 1, "each metric in two blocks, plus the last generation:\n" + table);
    }

    @Test
    void shouldWritePlusMinusAndPlainMinusForTerminalsWithoutUnicode() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report.json"), false);

        assertTrue(table.chars().allMatch(c -> c < 128), table);
        assertRow("control\\s+1\\.65 \\+- 0\\.02\\s+0\\.126 \\+- 0\\.004.*", row(table, "Generation 5 of 5", "control"));
        assertTrue(table.contains("  - control"), table);
    }

    @Test
    void shouldMarkAnIncompleteReportAndCompareAtTheLastGenerationEveryMeasuredArmHas() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report-incomplete.json"), true);

        assertTrue(table.contains("The report is incomplete"), table);
        assertTrue(table.contains("Arm longtail has no generation measured yet."), table);
        // control has reached generation 3 on two seeds of three, common-practice only generation 2
        assertRow("control\\s+1\\.22 ± 0\\.01 \\s+1\\.33 ± 0\\.03 \\s+1\\.43 ± 0\\.00\\*", row(table, D, "control"));
        assertRow("common-practice\\s+1\\.19 ± 0\\.02 \\s+1\\.25 ± 0\\.02 \\s+-", row(table, D, "common-practice"));
        assertTrue(table.contains("Generation 2 of 5 (the last that every measured arm has reached):"), table);
        assertTrue(table.contains("* a mean over fewer seeds than the experiment's 3"), table);
        assertFalse(lines(table).stream().anyMatch(line -> line.startsWith("longtail")), table);
    }

    @Test
    void shouldSayTheControlIsMissingAndShowNoDifferencesWithoutIt() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report-missing-arm.json"), true);

        assertTrue(table.contains("The control arm, control, is not in the report: no paired differences."), table);
        assertFalse(table.contains("− control"), table);
        assertRow("common-practice\\s+1\\.29 ± 0\\.02\\s+0\\.209 ± 0\\.009\\s+0\\.812 ± 0\\.011\\s+0\\.96 ± 0\\.00",
                row(table, "Generation 3 of 3 \\(the last\\)", "common-practice"));
        assertTrue(table.contains("Experiment demo: 2 arms, random seeds 42, 43, 3 generations"), table);
    }

    @Test
    void shouldShowADashForTheSdOfAOneSeedExperiment() {
        String table = ComparisonTable.render(Fixtures.json("experiment-report-one-seed.json"), true);

        assertTrue(table.contains("random seed 42, 3 generations; one seed, so no sd."), table);
        assertRow("longtail\\s+1\\.18 ± -\\s+0\\.301 ± -\\s+0\\.831 ± -\\s+1\\.03 ± -",
                row(table, "Generation 3 of 3 \\(the last\\)", "longtail"));
        assertRow("  − control\\s+-0\\.12 ± -\\s+\\+0\\.021 ± -.*", row(table, "Generation 3 of 3", "  − control"));
        // and the sentence gives the bare means
        assertTrue(table.contains("the lowest D (1.18) and the highest tail coverage (0.301)"), table);
    }

    @Test
    void shouldEndWithTheClosingSentence() {
        var report = Fixtures.json("experiment-report-longtail-behind.json");
        String table = ComparisonTable.render(report, true);

        String sentence = ClosingSentence.of(ExperimentReport.of(report), true);
        assertEquals(String.join(" ", ReportTable.wrap(sentence, ComparisonTable.WIDTH)),
                String.join(" ", lines(table).subList(lines(table).size() - 2, lines(table).size())));
    }
}
