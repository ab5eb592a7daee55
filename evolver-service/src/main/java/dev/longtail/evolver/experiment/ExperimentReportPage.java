package dev.longtail.evolver.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.longtail.core.experiment.Statistic;
import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.evolver.campaign.CampaignViews;

/**
 * Renders an experiment's report as one self-contained HTML page (inline SVG and CSS, no script, font or other
 * resource from elsewhere): the arms' settings, one chart per metric (D, tail coverage, distinct-2, length ratio)
 * with a line per arm (the mean over the random seeds, ±sd error bars) and the reference as a dashed line, then a
 * table per metric with the paired differences from the control.
 */
final class ExperimentReportPage {

    private static final int WIDTH = 440;
    private static final int HEIGHT = 240;
    private static final int LEFT = 52;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    private static final String[] COLOURS = {"#555555", "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"};

    /** A charted metric: its field in the report, its caption, and how to read it from a generation and the reference. */
    private record Chart(String field, String caption, Function<ExperimentReport.Generation, Statistic> value,
            Function<ExperimentReport.Reference, Double> reference) {
    }

    private static final List<Chart> CHARTS = List.of(
            new Chart("perplexityRatio", "D: held-out perplexity / the reference's (lower: closer to real data)",
                    ExperimentReport.Generation::perplexityRatio, r -> 1.0),
            new Chart("tailCoverage", "tail coverage: rare reference bigrams kept (higher: more of the tail)",
                    ExperimentReport.Generation::tailCoverage, r -> mean(r.tailCoverage())),
            new Chart("distinct2", "distinct-2 (higher: more varied)", ExperimentReport.Generation::distinct2,
                    r -> mean(r.distinct2())),
            new Chart("lengthRatio", "length ratio: mean words / the reference's (1: same length)",
                    ExperimentReport.Generation::lengthRatio, r -> 1.0));

    private ExperimentReportPage() {
    }

    static String render(ExperimentReport report) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Longtail experiment ")
                .append(esc(report.name())).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}")
                .append("h1{font-size:20px}table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;")
                .append("padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append("tr.difference td{color:#555;font-style:italic}.charts{display:flex;flex-wrap:wrap;gap:12px}")
                .append("figure{margin:0;border:1px solid #ddd;padding:6px}figcaption{font-size:12px;max-width:")
                .append(WIDTH).append("px}svg text{font-size:10px;fill:#444}.swatch{display:inline-block;width:12px;")
                .append("height:4px;margin:0 4px 2px 10px;vertical-align:middle}</style></head><body>");
        html.append("<h1>Experiment ").append(esc(report.name())).append("</h1><p>").append(report.arms().size())
                .append(" arms × ").append(report.randomSeeds().size()).append(" random seeds (")
                .append(esc(report.randomSeeds().toString())).append("), ").append(report.generations())
                .append(" generations; ").append(report.complete() ? "complete." : "still running: generations not"
                        + " measured yet are left out, and n counts the seeds measured.")
                .append(" Each point is the mean over the random seeds with ±1 sd; differences are paired by random"
                        + " seed against the control, <b>").append(esc(report.control())).append("</b>.</p>");
        settings(html, report);
        html.append("<h2>Metrics across generations</h2><p>Generation 0 is the real reference (dashed).</p>")
                .append("<div class=\"charts\">");
        for (Chart chart : CHARTS) {
            html.append("<figure data-metric=\"").append(chart.field()).append("\">").append(svg(report, chart))
                    .append("<figcaption>").append(esc(chart.caption())).append("<br>").append(legend(report))
                    .append("</figcaption></figure>");
        }
        html.append("</div>");
        for (Chart chart : CHARTS) {
            table(html, report, chart);
        }
        return html.append("</body></html>").toString();
    }

    private static void settings(StringBuilder html, ExperimentReport report) {
        html.append("<h2>Arms</h2><table><tr><th>arm</th><th>anchor policy</th><th>anchor ratio</th><th>feedback</th>")
                .append("<th>keep share</th><th>carry-over</th><th>candidate factor</th><th>token budget</th>")
                .append("<th>temperature</th><th>top-p</th><th>evolution</th></tr>");
        for (ExperimentReport.Arm arm : report.arms()) {
            ArmSettings s = arm.settings();
            html.append("<tr><td>").append(esc(arm.name())).append("</td>");
            for (Object value : new Object[] {s.anchorPolicy(), s.anchorRatio(), s.feedbackOn() ? "on"
                    : "off: " + CampaignViews.NOT_APPLIED, s.keepShare(), s.carryOver(), s.candidateFactor(),
                    s.tokenBudget() == null ? "none" : s.tokenBudget(), s.temperature(), s.topP(),
                    evolution(arm.evolution())}) {
                html.append("<td>").append(esc(value == null ? "—" : String.valueOf(value))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** "deepen, crossover (llm); adaptive; gap-driven": an arm's operators, their form and policies. */
    private static String evolution(EvolutionSettings e) {
        if (e == null) {
            return null;
        }
        return String.join(", ", e.operators()) + " (" + e.operatorForm() + ")" + (e.adaptive() ? "; adaptive" : "")
                + (e.gapGuided() ? "; gap-driven" : "");
    }

    private static String svg(ExperimentReport report, Chart chart) {
        Double reference = chart.reference().apply(report.reference());
        double min = reference == null ? Double.POSITIVE_INFINITY : reference;
        double max = reference == null ? Double.NEGATIVE_INFINITY : reference;
        for (ExperimentReport.Arm arm : report.arms()) {
            for (ExperimentReport.Generation g : arm.generations()) {
                Statistic s = chart.value().apply(g);
                if (s != null) {
                    min = Math.min(min, s.mean() - sd(s));
                    max = Math.max(max, s.mean() + sd(s));
                }
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        double pad = max == min ? Math.max(Math.abs(max) * 0.1, 0.1) : (max - min) * 0.08;
        var axes = new Axes(report.generations(), min - pad, max + pad);
        StringBuilder svg = new StringBuilder("<svg width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 "
                + WIDTH + " " + HEIGHT + "\" role=\"img\">");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#999\"/>");
        for (double tick : new double[] {axes.low, (axes.low + axes.high) / 2, axes.high}) {
            svg.append("<text x=\"2\" y=\"").append(fmt(axes.y(tick) + 3)).append("\">").append(num(tick))
                    .append("</text>");
        }
        for (int g = 0; g <= report.generations(); g++) {
            svg.append("<text x=\"").append(fmt(axes.x(g) - 3)).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
                    .append("\">").append(g).append("</text>");
        }
        svg.append("<text x=\"").append(WIDTH / 2 - 24).append("\" y=\"").append(HEIGHT - 3)
                .append("\">generation</text>");
        if (reference != null) {
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(axes.y(reference))).append("\" y2=\"").append(fmt(axes.y(reference)))
                    .append("\" stroke=\"#2a7\" stroke-dasharray=\"4 3\"><title>reference: ").append(num(reference))
                    .append("</title></line>");
        }
        for (int i = 0; i < report.arms().size(); i++) {
            svg.append(line(report.arms().get(i), chart, axes, reference, COLOURS[i % COLOURS.length]));
        }
        return svg.append("</svg>").toString();
    }

    /** One arm: a line from the reference through its measured generations, a dot and an sd bar at each. */
    private static String line(ExperimentReport.Arm arm, Chart chart, Axes axes, Double reference, String colour) {
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        if (reference != null) {
            path.append('M').append(fmt(axes.x(0))).append(' ').append(fmt(axes.y(reference)));
        }
        for (ExperimentReport.Generation g : arm.generations()) {
            Statistic s = chart.value().apply(g);
            if (s == null) {
                continue;
            }
            double x = axes.x(g.generation());
            path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(axes.y(s.mean())));
            if (sd(s) > 0) {
                marks.append("<path d=\"M").append(fmt(x - 3)).append(' ').append(fmt(axes.y(s.mean() - sd(s))))
                        .append(" h6 M").append(fmt(x)).append(' ').append(fmt(axes.y(s.mean() - sd(s)))).append(" V")
                        .append(fmt(axes.y(s.mean() + sd(s)))).append(" M").append(fmt(x - 3)).append(' ')
                        .append(fmt(axes.y(s.mean() + sd(s)))).append(" h6\" stroke=\"").append(colour)
                        .append("\" fill=\"none\"/>");
            }
            marks.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(axes.y(s.mean())))
                    .append("\" r=\"3\" fill=\"").append(colour).append("\"><title>").append(esc(arm.name()))
                    .append(", generation ").append(g.generation()).append(": ").append(stat(s)).append("</title></circle>");
        }
        return "<g data-arm=\"" + esc(arm.name()) + "\"><path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour
                + "\" stroke-width=\"2\"/>" + marks + "</g>";
    }

    private static String legend(ExperimentReport report) {
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < report.arms().size(); i++) {
            legend.append("<span class=\"swatch\" style=\"background:").append(COLOURS[i % COLOURS.length])
                    .append("\"></span>").append(esc(report.arms().get(i).name()));
        }
        return legend.toString();
    }

    /** Arms by generation, each followed by its paired difference from the control. */
    private static void table(StringBuilder html, ExperimentReport report, Chart chart) {
        html.append("<h2>").append(esc(chart.caption())).append("</h2><table data-metric=\"").append(chart.field())
                .append("\"><tr><th>arm</th>");
        for (int g = 1; g <= report.generations(); g++) {
            html.append("<th>generation ").append(g).append("</th>");
        }
        html.append("</tr>");
        for (ExperimentReport.Arm arm : report.arms()) {
            List<String> cells = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (int g = 1; g <= report.generations(); g++) {
                int generation = g;
                cells.add(arm.generations().stream().filter(x -> x.generation() == generation).findFirst()
                        .map(chart.value()).map(s -> stat(s, report)).orElse("—"));
                differences.add(report.differences().stream().filter(d -> d.arm().equals(arm.name())
                                && d.generation() == generation && d.metric().equals(chart.field())).findFirst()
                        .map(d -> signed(d.mean()) + " ± " + (d.sd() == null ? "—" : num(d.sd()))
                                + (d.n() < report.randomSeeds().size() ? " (n=" + d.n() + ")" : ""))
                        .orElse("—"));
            }
            row(html, "", esc(arm.name()), cells);
            if (!arm.name().equals(report.control())) {
                row(html, " class=\"difference\"", esc(arm.name()) + " − " + esc(report.control()), differences);
            }
        }
        html.append("</table>");
    }

    private static void row(StringBuilder html, String attributes, String label, List<String> cells) {
        html.append("<tr").append(attributes).append("><td>").append(label).append("</td>");
        cells.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
        html.append("</tr>");
    }

    /** Generation (0..n) to x, value to y, within the plot area. */
    private record Axes(int generations, double low, double high) {
        double x(int generation) {
            return LEFT + (double) (WIDTH - LEFT - RIGHT) * generation / Math.max(1, generations);
        }

        double y(double value) {
            return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low));
        }
    }

    private static String stat(Statistic s) {
        return num(s.mean()) + " ± " + (s.sd() == null ? "—" : num(s.sd())) + " (n=" + s.n() + ")";
    }

    private static String stat(Statistic s, ExperimentReport report) {
        return num(s.mean()) + " ± " + (s.sd() == null ? "—" : num(s.sd()))
                + (s.n() < report.randomSeeds().size() ? " (n=" + s.n() + ")" : "");
    }

    private static double sd(Statistic s) {
        return s.sd() == null || !Double.isFinite(s.sd()) ? 0 : s.sd();
    }

    private static Double mean(Statistic s) {
        return s == null ? null : s.mean();
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + num(v);
    }

    private static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
