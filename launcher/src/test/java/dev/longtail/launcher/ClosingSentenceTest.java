package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sentence that closes the demo, computed from the report's numbers. */
class ClosingSentenceTest {

    private static String sentence(JsonNode report) {
        return ClosingSentence.of(ExperimentReport.of(report), true);
    }

    /** Sets one metric's mean of an arm at a generation. */
    private static void setMean(ObjectNode report, String arm, int generation, String metric, double mean) {
        for (JsonNode candidate : report.path("arms")) {
            if (candidate.path("name").asText().equals(arm)) {
                for (JsonNode row : candidate.path("generations")) {
                    if (row.path("generation").asInt() == generation) {
                        ((ObjectNode) row.path(metric)).put("mean", mean);
                    }
                }
            }
        }
    }

    @Test
    void shouldSayLongtailHasBothTheLowestDAndTheHighestTailCoverageWhenItDoes() {
        assertEquals("At generation 5, longtail has both the lowest D (1.21 ± 0.02) and the highest tail coverage"
                        + " (0.336 ± 0.014); every arm's mean length stays within 15 % of the reference"
                        + " (length ratio 0.87 to 1.03).",
                sentence(Fixtures.json("experiment-report.json")));
    }

    @Test
    void shouldNameTheArmsThatWinAndTheOneTooLongWhenLongtailDoesNotWin() {
        assertEquals("At generation 5, common-practice has the lowest D (1.33 ± 0.01) and longtail the highest tail"
                        + " coverage (0.297 ± 0.008); mean length stays within 15 % of the reference in control and"
                        + " common-practice but not in longtail (length ratio 1.18).",
                sentence(Fixtures.json("experiment-report-longtail-behind.json")));
    }

    @Test
    void shouldFollowTheNumbersWhenTheControlLeadsOnTailCoverage() {
        ObjectNode report = Fixtures.json("experiment-report-longtail-behind.json");
        setMean(report, "control", 5, "tailCoverage", 0.41);

        assertEquals("At generation 5, common-practice has the lowest D (1.33 ± 0.01) and control the highest tail"
                        + " coverage (0.410 ± 0.007); mean length stays within 15 % of the reference in control and"
                        + " common-practice but not in longtail (length ratio 1.18).",
                sentence(report));
    }

    @Test
    void shouldSayWhenNoArmsLengthStaysWithin15PercentOfTheReference() {
        ObjectNode report = Fixtures.json("experiment-report.json");
        setMean(report, "control", 5, "lengthRatio", 0.70);
        setMean(report, "common-practice", 5, "lengthRatio", 0.84);
        setMean(report, "longtail", 5, "lengthRatio", 1.16);

        assertEquals("At generation 5, longtail has both the lowest D (1.21 ± 0.02) and the highest tail coverage"
                        + " (0.336 ± 0.014); no arm's mean length stays within 15 % of the reference"
                        + " (length ratio 0.70 to 1.16).",
                sentence(report));
    }

    @Test
    void shouldSaySoFarAndWhichArmIsUnmeasuredForAnIncompleteReport() {
        assertEquals("So far (the report is incomplete; longtail has no generation measured yet), at generation 2 of 5,"
                        + " common-practice has both the lowest D (1.25 ± 0.02) and the highest tail coverage"
                        + " (0.221 ± 0.008); every arm's mean length stays within 15 % of the reference"
                        + " (length ratio 0.95 to 0.96).",
                sentence(Fixtures.json("experiment-report-incomplete.json")));
    }

    @Test
    void shouldSpeakOfTheOnlyArmWhenThereIsOne() {
        ObjectNode report = Fixtures.json("experiment-report-missing-arm.json");
        ((ArrayNode) report.path("arms")).remove(0);

        assertEquals("At generation 3, longtail, the only arm measured, has D 1.19 ± 0.02 and tail coverage"
                        + " 0.336 ± 0.008; its mean length stays within 15 % of the reference (length ratio 1.00).",
                sentence(report));
    }

    @Test
    void shouldSayThereIsNothingToCompareBeforeAnyGenerationIsMeasured() {
        ObjectNode report = Fixtures.json("experiment-report-incomplete.json");
        report.path("arms").forEach(arm -> ((ArrayNode) arm.path("generations")).removeAll());

        assertEquals("No generation has been measured yet: there is nothing to compare.", sentence(report));
    }

    @Test
    void shouldJoinNamesAsProseDoes() {
        assertEquals("a", ClosingSentence.and(List.of("a")));
        assertEquals("a and b", ClosingSentence.and(List.of("a", "b")));
        assertEquals("a, b and c", ClosingSentence.and(List.of("a", "b", "c")));
    }
}
