package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report table, on a fixture report shaped like the evaluator's. */
class ReportTableTest {

    private static JsonNode fixture() throws IOException {
        try (var in = ReportTableTest.class.getResourceAsStream("/report-fixture.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void shouldShowTheReferenceFirstAndThenOneRowPerGeneration() throws IOException {
        String table = ReportTable.render(fixture(), true);
        List<String> lines = table.lines().toList();

        assertTrue(lines.get(0).startsWith("gen"), lines.get(0));
        assertTrue(lines.get(0).contains("dist-2") && lines.get(0).contains("kept") && lines.get(0).contains("adjustment"), lines.get(0));
        assertTrue(lines.get(2).startsWith("0 (real)"), lines.get(2));
        assertTrue(lines.get(2).contains("0.812") && lines.get(2).contains("1.000") && lines.get(2).contains("142.4"),
                lines.get(2));
        int first = lines.indexOf(lines.stream().filter(line -> line.startsWith("1 ")).findFirst().orElseThrow());
        assertTrue(lines.get(first).matches(
                "1\\s+120\\s+100\\s+near-dup 10,\\s+5\\s+100\\+11\\s+0\\.774\\s+0\\.846\\s+155\\.0\\s+drifting\\s+in-breadth 0\\.50→0\\.65;"),
                table);
        // The wrapped rest of generation 1's cells on the next line, under their columns.
        assertTrue(lines.get(first + 1).matches("\\s+short 5\\s+temperature 1\\.00→1\\.10"), table);
        String second = lines.stream().filter(line -> line.startsWith("2 ")).findFirst().orElseThrow();
        assertTrue(second.contains("healthy") && second.endsWith("-"), second);
    }

    @Test
    void shouldStayWithin120ColumnsByWrappingLongCells() throws IOException {
        String table = ReportTable.render(fixture(), true);

        table.lines().forEach(line -> assertTrue(line.length() <= ReportTable.WIDTH, line.length() + ": " + line));
        // Generation 2 has four reasons: more than the rejected column holds on one line.
        int column = table.indexOf("rejected");
        String rejections = table.lines().skip(5)
                .map(line -> (line + " ".repeat(ReportTable.WIDTH)).substring(column, column + "near-dup 10, ".length() + 1))
                .map(String::trim).collect(java.util.stream.Collectors.joining(" "));
        assertTrue(rejections.contains("near-dup 4, exact-dup 2, long 1, degenerate 1"), table + "\n" + rejections);
    }

    @Test
    void shouldWriteAsciiArrowsForTerminalsWithoutUnicode() throws IOException {
        String table = ReportTable.render(fixture(), false);

        assertTrue(table.contains("in-breadth 0.50->0.65"), table);
        assertTrue(table.chars().allMatch(c -> c < 128), table);
    }

    @Test
    void shouldCountRejectionsWithoutAReasonAsOther() throws IOException {
        var row = new ObjectMapper().readTree("{\"rejected\":7,\"rejectedByReason\":{\"TOO_SHORT\":5}}");
        var noReasons = new ObjectMapper().readTree("{\"rejected\":3,\"rejectedByReason\":{}}");
        var none = new ObjectMapper().readTree("{\"rejected\":0,\"rejectedByReason\":{}}");

        var unknownReason = new ObjectMapper().readTree("{\"rejected\":7,\"rejectedByReason\":{\"TOO_SHORT\":5,\"NEW_REASON\":1}}");

        assertEquals("short 5, new-reason 1, other 1", ReportTable.rejectedByReason(unknownReason));
        assertEquals("3", ReportTable.rejectedByReason(noReasons));
        assertEquals("0", ReportTable.rejectedByReason(none));
        assertEquals("short 5, other 2", ReportTable.rejectedByReason(row));
    }

    @Test
    void shouldNameUnknownParametersByTheirLastSegment() {
        assertEquals("in-breadth", ReportTable.parameter("evolution.inBreadthShare"));
        assertEquals("top-p", ReportTable.parameter("sampling.topP"));
        assertEquals("max-words", ReportTable.parameter("curation.maxWords"));
    }

    @Test
    void shouldWrapAfterSeparatorsFirst() {
        assertEquals(List.of("a 1, b 2,", "c 3"), ReportTable.wrap("a 1, b 2, c 3", 10));
        assertEquals(List.of("x 0.50→0.65;", "y 1.00→1.10"), ReportTable.wrap("x 0.50→0.65; y 1.00→1.10", 14));
        assertEquals(List.of("short"), ReportTable.wrap("short", 10));
    }
}
