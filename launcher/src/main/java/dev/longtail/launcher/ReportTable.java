package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the evaluator's campaign report as a plain-text table, one row per generation after a row for
 * the real reference data, within 120 columns (long cells wrap onto extra lines).
 */
public final class ReportTable {

    public static final int WIDTH = 120;
    private static final String GAP = "  ";
    private static final int REJECTED_WIDTH = 12;
    private static final int MIN_ADJUSTMENT_WIDTH = 20;

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("NEAR_DUPLICATE", "near-dup"),
            Map.entry("EXACT_DUPLICATE", "exact-dup"),
            Map.entry("SEMANTIC_DUPLICATE", "semantic-dup"),
            Map.entry("INSTRUCTION_NOT_NOVEL", "rouge-l"),
            Map.entry("TOO_SHORT", "short"),
            Map.entry("TOO_LONG", "long"),
            Map.entry("DEGENERATE", "degenerate"),
            Map.entry("NON_ALPHABETIC", "non-alpha"),
            Map.entry("REFUSAL", "refusal"),
            Map.entry("TEMPLATE_LEAK", "template"),
            Map.entry("BAD_INSTRUCTION", "bad-instr"),
            Map.entry("UNSUPPORTED_MODALITY", "modality"));

    private static final Map<String, String> PARAMETERS = Map.of(
            "evolution.inBreadthShare", "in-breadth",
            "sampling.temperature", "temperature",
            "curation.anchorRatio", "anchor",
            "curation.nearDuplicateThreshold", "near-dup thr.");

    private enum Align { LEFT, RIGHT }

    private record Column(String header, Align align, boolean wraps) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("gen", Align.LEFT, false),
            new Column("samples", Align.RIGHT, false),
            new Column("accepted", Align.RIGHT, false),
            new Column("rejected", Align.LEFT, true),
            new Column("failed", Align.RIGHT, false),
            new Column("kept", Align.RIGHT, false),
            new Column("dist-2", Align.RIGHT, false),
            new Column("tail", Align.RIGHT, false),
            new Column("ppl", Align.RIGHT, false),
            new Column("verdict", Align.LEFT, false),
            new Column("adjustment", Align.LEFT, true));

    private static final int REJECTED_COLUMN = 3;

    private final String arrow;

    private ReportTable(boolean unicode) {
        this.arrow = unicode ? "→" : "->";
    }

    /** The table for a report; {@code unicode} chooses "→" over "->" for terminals that can show it. */
    public static String render(JsonNode report, boolean unicode) {
        return new ReportTable(unicode).table(report);
    }

    private String table(JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        JsonNode reference = report.path("reference");
        if (!reference.isMissingNode() && !reference.isNull()) {
            JsonNode metrics = reference.path("metrics");
            rows.add(List.of("0 (real)", count(reference.path("records")), "", "", "", "",
                    decimal(metrics.path("distinct2"), 3), decimal(metrics.path("tailCoverage"), 3),
                    decimal(metrics.path("heldOutPerplexity"), 1), "reference", ""));
        }
        for (JsonNode row : report.path("rows")) {
            JsonNode metrics = row.path("metrics");
            rows.add(List.of(
                    row.path("generation").asText(),
                    count(row.path("generated")),
                    count(row.path("accepted")),
                    rejectedByReason(row),
                    count(row.path("failed")),
                    version(row),
                    decimal(metrics.path("distinct2"), 3),
                    decimal(metrics.path("tailCoverage"), 3),
                    decimal(metrics.path("heldOutPerplexity"), 1),
                    row.path("verdict").asText("").toLowerCase(Locale.ROOT),
                    adjustments(row.path("adjustments"))));
        }
        int[] widths = widths(rows);

        var out = new StringBuilder();
        List<String> headers = COLUMNS.stream().map(Column::header).toList();
        appendLine(out, headers, widths);
        out.append("-".repeat(totalWidth(widths))).append('\n');
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < COLUMNS.size(); c++) {
                List<String> lines = COLUMNS.get(c).wraps() ? wrap(row.get(c), widths[c]) : List.of(row.get(c));
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int line = 0; line < height; line++) {
                List<String> texts = new ArrayList<>();
                for (List<String> lines : cells) {
                    texts.add(line < lines.size() ? lines.get(line) : "");
                }
                appendLine(out, texts, widths);
            }
        }
        return out.toString();
    }

    /** Rejections by reason, e.g. {@code near-dup 10, short 5}; reasons that do not add up show as "other". */
    static String rejectedByReason(JsonNode row) {
        int rejected = row.path("rejected").asInt();
        List<String> parts = new ArrayList<>();
        int explained = 0;
        JsonNode reasons = row.path("rejectedByReason");
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        reasons.fields().forEachRemaining(entries::add);
        // Most frequent first: the reader wants to know what dominates.
        entries.sort((a, b) -> Integer.compare(b.getValue().asInt(), a.getValue().asInt()));
        for (var entry : entries) {
            int n = entry.getValue().asInt();
            if (n > 0) {
                parts.add(reason(entry.getKey()) + " " + n);
                explained += n;
            }
        }
        if (rejected > explained) {
            parts.add((parts.isEmpty() ? "" : "other ") + (rejected - explained));
        }
        return parts.isEmpty() ? "0" : String.join(", ", parts);
    }

    /** The adjustments for the next generation, e.g. {@code in-breadth 0.50→0.65; temperature 1.00→1.10}. */
    String adjustments(JsonNode adjustments) {
        List<String> parts = new ArrayList<>();
        for (JsonNode adjustment : adjustments) {
            parts.add(parameter(adjustment.path("parameter").asText()) + " "
                    + String.format(Locale.ROOT, "%.2f", adjustment.path("from").asDouble()) + arrow
                    + String.format(Locale.ROOT, "%.2f", adjustment.path("to").asDouble()));
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    static String reason(String reason) {
        return REASONS.getOrDefault(reason, reason.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String parameter(String parameter) {
        String known = PARAMETERS.get(parameter);
        if (known != null) {
            return known;
        }
        // An unknown parameter still reads well: its last path segment, camelCase split into words.
        String last = parameter.substring(parameter.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String count(JsonNode value) {
        return value.isNumber() ? value.asText() : "";
    }

    /** The sealed version's records, synthetic + real anchors, e.g. {@code 68+7}. */
    static String version(JsonNode row) {
        if (!row.path("records").isNumber()) {
            return "-";
        }
        int anchors = row.path("anchorRecords").asInt();
        return (row.path("records").asInt() - anchors) + "+" + anchors;
    }

    private static String decimal(JsonNode value, int places) {
        return value.isNumber() ? String.format(Locale.ROOT, "%." + places + "f", value.asDouble()) : "-";
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            widths[c] = COLUMNS.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        widths[REJECTED_COLUMN] = Math.min(widths[REJECTED_COLUMN], REJECTED_WIDTH);
        int adjustment = COLUMNS.size() - 1;
        int others = totalWidth(widths) - widths[adjustment];
        widths[adjustment] = Math.max(MIN_ADJUSTMENT_WIDTH, Math.min(widths[adjustment], WIDTH - others));
        return widths;
    }

    private static int totalWidth(int[] widths) {
        int total = GAP.length() * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    private static void appendLine(StringBuilder out, List<String> texts, int[] widths) {
        var line = new StringBuilder();
        for (int c = 0; c < texts.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String text = texts.get(c);
            String padding = " ".repeat(Math.max(0, widths[c] - text.length()));
            line.append(COLUMNS.get(c).align() == Align.RIGHT ? padding + text : text + padding);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Breaks a list like {@code a 1, b 2} or {@code x; y} after its separators, then at spaces if needed. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        var current = new StringBuilder();
        Iterator<String> pieces = List.of(text.split("(?<=[,;]) ")).iterator();
        while (pieces.hasNext()) {
            String piece = pieces.next();
            String candidate = current.isEmpty() ? piece : current + " " + piece;
            if (candidate.length() <= width) {
                current = new StringBuilder(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
            }
            current = new StringBuilder();
            for (String word : piece.split(" ")) {
                String next = current.isEmpty() ? word : current + " " + word;
                if (next.length() > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(next);
                }
            }
        }
        if (!current.isEmpty() || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
