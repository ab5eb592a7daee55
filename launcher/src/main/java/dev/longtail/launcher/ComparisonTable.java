package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longtail.launcher.ExperimentReport.ArmResult;
import dev.longtail.launcher.ExperimentReport.Metric;
import dev.longtail.launcher.ExperimentReport.Stat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Renders the experiment report as the demo's closing comparison, in plain text within 120 columns: each metric by
 * generation, then every arm at the last generation, as mean ± sd over the random seeds with the paired difference
 * against the control under each arm, then the {@link ClosingSentence}.
 */
public final class ComparisonTable {

    public static final int WIDTH = ReportTable.WIDTH;
    private static final String GAP = "   ";
    /** Marks a mean over fewer seeds than the experiment ran. */
    private static final String PARTIAL = "*";

    private static final String LEGEND = """
            D             held-out perplexity of a model trained on the version / the reference's (lower is better)
            tail coverage share of the reference's rare bigrams the version still has (higher is better)
            distinct-2    distinct bigrams / all bigrams (lower is more repetitive)
            length ratio  mean words per record / the reference's (1 is real text's length)
            """;

    private final ExperimentReport report;
    private final boolean unicode;
    private final String plusMinus;
    private boolean anyPartial;

    private ComparisonTable(ExperimentReport report, boolean unicode) {
        this.report = report;
        this.unicode = unicode;
        this.plusMinus = unicode ? "±" : "+-";
    }

    /** The comparison for a report; {@code unicode} chooses "±" and "−" over "+-" and "-". */
    public static String render(JsonNode report, boolean unicode) {
        return new ComparisonTable(ExperimentReport.of(report), unicode).text();
    }

    private String text() {
        var out = new StringBuilder();
        String seeds = report.randomSeeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        paragraph(out, String.format("Experiment %s: %d arm%s, random seed%s %s, %d generations; %s.",
                report.name(), report.arms().size(), report.arms().size() == 1 ? "" : "s",
                report.randomSeeds().size() == 1 ? "" : "s", seeds, report.generations(),
                report.randomSeeds().size() == 1 ? "one seed, so no sd" : "mean " + plusMinus + " sd over the seeds"));
        if (report.referencePerplexity() != null) {
            paragraph(out, "Reference (generation 0, the real data): held-out perplexity "
                    + report.referencePerplexity().format(1, plusMinus)
                    + (report.referenceMeanWords() == null ? "" : ", "
                    + report.referenceMeanWords().format(1, plusMinus) + " words per record") + ".");
        }
        out.append(LEGEND);
        if (report.hasControl()) {
            out.append(String.format("%-13s the paired difference against %s over the same random seeds%n",
                    differenceLabel().strip(), report.control()));
        }
        notes(out);

        List<Integer> generations = report.measuredGenerations();
        for (Metric metric : Metric.values()) {
            if (!generations.isEmpty()) {
                out.append('\n');
                byGeneration(out, metric, generations);
            }
        }
        OptionalInt last = report.summaryGeneration();
        if (last.isPresent()) {
            out.append('\n');
            out.append("Generation ").append(last.getAsInt()).append(" of ").append(report.generations())
                    .append(report.complete() && last.getAsInt() == report.generations() ? " (the last)"
                            : " (the last that every measured arm has reached)")
                    .append(":\n");
            atGeneration(out, last.getAsInt());
        }
        if (anyPartial) {
            out.append(PARTIAL).append(" a mean over fewer seeds than the experiment's ")
                    .append(report.randomSeeds().size()).append(": a campaign has not reached that generation yet\n");
        }
        out.append('\n');
        paragraph(out, ClosingSentence.of(report, unicode));
        return out.toString();
    }

    /** What the reader must know before reading the numbers: an unfinished report, arms it lacks. */
    private void notes(StringBuilder out) {
        if (!report.complete()) {
            paragraph(out, "The report is incomplete: campaigns are still running, and generations not measured yet"
                    + " are left out.");
        }
        for (ArmResult arm : report.arms()) {
            if (!arm.measured()) {
                paragraph(out, "Arm " + arm.name() + " has no generation measured yet.");
            }
        }
        if (report.control() == null) {
            paragraph(out, "The report names no control arm: no paired differences.");
        } else if (!report.hasControl()) {
            paragraph(out, "The control arm, " + report.control() + ", is not in the report: no paired differences.");
        }
    }

    /** One metric: a row per arm (and its difference against the control), a column per generation. */
    private void byGeneration(StringBuilder out, Metric metric, List<Integer> generations) {
        List<String> labels = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (ArmResult arm : report.measuredArms()) {
            labels.add(arm.name());
            cells.add(generations.stream().map(g -> cell(arm.stat(g, metric), metric, false)).toList());
            if (comparedToControl(arm)) {
                labels.add(differenceLabel());
                cells.add(generations.stream()
                        .map(g -> cell(report.difference(arm.name(), g, metric), metric, true)).toList());
            }
        }
        int labelWidth = Math.max(metric.label.length(), labels.stream().mapToInt(String::length).max().orElse(0));
        int cellWidth = cells.stream().flatMap(List::stream).mapToInt(String::length).max().orElse(0);
        int perLine = Math.max(1, (WIDTH - labelWidth) / (GAP.length() + cellWidth));
        // Many generations: the columns continue in a second block under the first.
        for (int from = 0; from < generations.size(); from += perLine) {
            int to = Math.min(generations.size(), from + perLine);
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>();
            header.add(from == 0 ? metric.label : "");
            generations.subList(from, to).forEach(g -> header.add("gen " + g));
            rows.add(header);
            for (int r = 0; r < labels.size(); r++) {
                List<String> row = new ArrayList<>();
                row.add(labels.get(r));
                row.addAll(cells.get(r).subList(from, to));
                rows.add(row);
            }
            grid(out, rows);
        }
    }

    /** Every arm at one generation: a column per metric. */
    private void atGeneration(StringBuilder out, int generation) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("arm");
        for (Metric metric : Metric.values()) {
            header.add(metric.label);
        }
        rows.add(header);
        for (ArmResult arm : report.measuredArms()) {
            List<String> row = new ArrayList<>();
            row.add(arm.name());
            for (Metric metric : Metric.values()) {
                row.add(cell(arm.stat(generation, metric), metric, false));
            }
            rows.add(row);
            if (comparedToControl(arm)) {
                List<String> difference = new ArrayList<>();
                difference.add(differenceLabel());
                for (Metric metric : Metric.values()) {
                    difference.add(cell(report.difference(arm.name(), generation, metric), metric, true));
                }
                rows.add(difference);
            }
        }
        grid(out, rows);
    }

    private boolean comparedToControl(ArmResult arm) {
        return report.hasControl() && !arm.name().equals(report.control());
    }

    private String differenceLabel() {
        return "  " + (unicode ? "−" : "-") + " " + report.control();
    }

    private String cell(Optional<Stat> stat, Metric metric, boolean signed) {
        if (stat.isEmpty()) {
            return "-";
        }
        Stat value = stat.get();
        String text = signed ? value.formatSigned(metric.places, plusMinus) : value.format(metric.places, plusMinus);
        if (report.partial(value)) {
            anyPartial = true;
            return text + PARTIAL;
        }
        // While campaigns run, some cells carry the mark: the others keep its place so that the digits align.
        return report.complete() ? text : text + " ";
    }

    /** Rows of cells: the first column left-aligned, the numbers right-aligned. */
    private static void grid(StringBuilder out, List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c);
                String padding = " ".repeat(widths[c] - text.length());
                line.append(c == 0 ? text + padding : GAP + padding + text);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Prose wrapped at the table width. */
    private static void paragraph(StringBuilder out, String text) {
        ReportTable.wrap(text, WIDTH).forEach(line -> out.append(line).append('\n'));
    }
}
