package dev.longtail.evaluator.report;

import dev.longtail.core.metrics.CollapseMeasurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a campaign report as one self-contained HTML page (inline SVG, no script, no external resource):
 * the verdict of each generation with its reasons and adjustments, then one small line chart per metric
 * across generations 0..n, generation 0 being the real reference, then the adjustments with what became of them
 * ({@link ControllerTable}).
 */
final class ReportPage {

    private static final int WIDTH = 300;
    private static final int HEIGHT = 150;
    private static final int PAD = 34;

    /** What each metric means, and which way is better, for the chart captions. */
    private static final Map<String, String> CAPTIONS = new LinkedHashMap<>();

    static {
        CAPTIONS.put("distinct1", "distinct-1 (higher: more varied)");
        CAPTIONS.put("distinct2", "distinct-2 (higher: more varied)");
        CAPTIONS.put("distinct3", "distinct-3 (higher: more varied)");
        CAPTIONS.put("unigramEntropy", "unigram entropy, bits");
        CAPTIONS.put("bigramEntropy", "bigram entropy, bits");
        CAPTIONS.put("trigramEntropy", "trigram entropy, bits");
        CAPTIONS.put("selfBleu", "Self-BLEU-4 (lower: less repetitive)");
        CAPTIONS.put("compressionRatio", "gzip compression ratio (lower: less repetitive)");
        CAPTIONS.put("vendiScore", "Vendi score, MiniLM (higher: more diverse)");
        CAPTIONS.put("unigramJsd", "unigram JS divergence to reference");
        CAPTIONS.put("bigramJsd", "bigram JS divergence to reference");
        CAPTIONS.put("embeddingFrechetDistance", "embedding Fréchet distance to reference");
        CAPTIONS.put("centroidShift", "embedding centroid shift");
        CAPTIONS.put("tailCoverage", "tail coverage: rare reference bigrams kept");
        CAPTIONS.put("rareClusterShare", "rare reference clusters present");
        CAPTIONS.put("minorityCategoryRatio", "minority categories' share / reference's");
        CAPTIONS.put("overProbableShare", "over-probable samples (gen-0 model)");
        CAPTIONS.put("implausibleShare", "implausible samples (gen-0 model)");
        CAPTIONS.put("perplexityHistogramDistance", "per-sample perplexity histogram distance");
        CAPTIONS.put("medianSamplePerplexity", "median per-sample perplexity (gen-0 model)");
        CAPTIONS.put("meanWords", "mean words per sample");
        CAPTIONS.put("lengthP10", "words per sample, 10th percentile");
        CAPTIONS.put("lengthP50", "words per sample, median");
        CAPTIONS.put("lengthP90", "words per sample, 90th percentile");
        CAPTIONS.put("lengthHistogramDistance", "length histogram distance to reference");
        CAPTIONS.put("heldOutPerplexity", "held-out perplexity (lower: closer to real data)");
        CAPTIONS.put("distinct2AtK", "distinct-2 at a fixed token count (sizes compare)");
        CAPTIONS.put("heldOutTailCoverage", "held-out tail coverage: rare held-out bigrams reached");
        CAPTIONS.put("categoryCoverage", "category coverage: reference share whose categories remain");
        CAPTIONS.put("missingCategories", "reference categories missing");
        for (String metric : CollapseMeasurement.SYNTHETIC_METRICS) {
            CAPTIONS.put(CollapseMeasurement.synthetic(metric), CAPTIONS.get(metric) + ", synthetic part only");
        }
    }

    private ReportPage() {
    }

    static String render(CampaignReport report) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Longtail campaign ")
                .append(esc(report.campaignId())).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}")
                .append("h1{font-size:20px}table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px;vertical-align:top;text-align:left}.HEALTHY{background:#d9f2d9}")
                .append(".DRIFTING{background:#fff1c2}.COLLAPSING{background:#f8c9c9}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #ddd;padding:6px}")
                .append("figcaption{font-size:12px;max-width:300px}svg text{font-size:10px;fill:#444}")
                .append(ControllerTable.STYLE).append("</style></head><body>");
        html.append("<h1>Campaign ").append(esc(report.campaignId())).append("</h1><p>")
                .append(report.completedGenerations()).append(" of ").append(report.generations())
                .append(" generations evaluated").append(report.complete() ? " (complete)" : "").append("; reference: ")
                .append(report.reference().records()).append(" real records.</p>");

        html.append("<h2>Verdicts</h2><table><tr><th>generation</th><th>records</th><th>accepted / generated</th>")
                .append("<th>verdict</th><th>reasons</th><th>adjustments</th><th>downstream job</th></tr>");
        for (CampaignReport.Row row : report.rows()) {
            html.append("<tr class=\"").append(esc(row.verdict())).append("\"><td>").append(row.generation())
                    .append("</td><td>").append(row.records()).append("</td><td>").append(row.accepted()).append(" / ")
                    .append(row.generated()).append("</td><td id=\"verdict-").append(row.generation()).append("\">")
                    .append(esc(row.verdict())).append("</td><td>").append(list(row.reasons())).append("</td><td>");
            List<String> adjustments = new ArrayList<>();
            for (CampaignReport.AdjustmentView a : row.adjustments()) {
                adjustments.add(a.parameter() + ": " + num(a.from()) + " → " + num(a.to()));
            }
            html.append(list(adjustments)).append("</td><td>");
            if (row.downstream() != null) {
                html.append(esc(row.downstream().jobName())).append(": ").append(esc(row.downstream().status()));
                if (row.downstream().result() != null) {
                    html.append(" ").append(esc(row.downstream().result().toString()));
                }
                if (row.downstream().detail() != null) {
                    html.append(" — ").append(esc(row.downstream().detail()));
                }
            }
            html.append("</td></tr>");
        }
        html.append("</table>");

        Map<String, List<Double>> series = series(report);
        html.append("<h2>Metrics across generations</h2><p>Generation 0 is the real reference.");
        if (!report.rows().isEmpty() && report.rows().get(report.rows().size() - 1).collapse() != null) {
            html.append(" Sample sizes of the last generation: ")
                    .append(esc(report.rows().get(report.rows().size() - 1).collapse().sampleSizes().toString())).append('.');
        }
        html.append("</p><div class=\"charts\">");
        for (var e : series.entrySet()) {
            html.append("<figure data-metric=\"").append(esc(e.getKey())).append("\">").append(chart(e.getValue()))
                    .append("<figcaption>").append(esc(CAPTIONS.getOrDefault(e.getKey(), e.getKey())))
                    .append("</figcaption></figure>");
        }
        html.append("</div>").append(CoverageColumns.render(report));
        ControllerTable.render(report, html);
        html.append("</body></html>");
        return html.toString();
    }

    /** One series per metric, index = generation (0 = reference); null where a generation lacks the metric. */
    static Map<String, List<Double>> series(CampaignReport report) {
        List<Map<String, Double>> points = new ArrayList<>();
        points.add(values(report.reference().collapse(), report.reference().metrics()));
        for (CampaignReport.Row row : report.rows()) {
            points.add(values(row.collapse(), row.metrics()));
        }
        Set<String> metrics = new LinkedHashSet<>(CAPTIONS.keySet());
        points.forEach(p -> metrics.addAll(p.keySet()));
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String metric : metrics) {
            List<Double> s = new ArrayList<>();
            boolean any = false;
            for (Map<String, Double> p : points) {
                Double v = p.get(metric);
                any |= v != null;
                s.add(v);
            }
            if (any) {
                series.put(metric, s);
            }
        }
        return series;
    }

    private static Map<String, Double> values(CampaignReport.CollapseView collapse, CampaignReport.MetricsView six) {
        if (collapse != null) {
            return collapse.metrics();
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("distinct1", six.distinct1());
        m.put("distinct2", six.distinct2());
        m.put("unigramEntropy", six.unigramEntropy());
        m.put("tailCoverage", six.tailCoverage());
        m.put("heldOutPerplexity", six.heldOutPerplexity());
        m.put("meanWords", six.meanWords());
        return m;
    }

    private static String chart(List<Double> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max == min) {
            max = min + (min == 0 ? 1 : Math.abs(min) * 0.1);
            min = min - (max - min);
        }
        int n = Math.max(1, values.size() - 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">");
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD / 2).append("\" x2=\"").append(WIDTH - 8)
                .append("\" y2=\"").append(HEIGHT - PAD / 2).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"2\" y=\"12\">").append(num(max)).append("</text><text x=\"2\" y=\"")
                .append(HEIGHT - PAD / 2).append("\">").append(num(min)).append("</text>");
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            double x = PAD + (double) (WIDTH - PAD - 12) * i / n;
            svg.append("<text x=\"").append(fmt(x - 3)).append("\" y=\"").append(HEIGHT - 4).append("\">").append(i).append("</text>");
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            double y = 8 + (HEIGHT - PAD / 2.0 - 12) * (1 - (v - min) / (max - min));
            path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" fill=\"")
                    .append(i == 0 ? "#2a7" : "#36c").append("\"><title>generation ").append(i).append(": ").append(num(v))
                    .append("</title></circle>");
        }
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#36c\" stroke-width=\"2\"/>").append(dots);
        return svg.append("</svg>").toString();
    }

    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "—";
        }
        StringBuilder sb = new StringBuilder("<ul>");
        items.forEach(i -> sb.append("<li>").append(esc(i)).append("</li>"));
        return sb.append("</ul>").toString();
    }

    static String num(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4g", v);
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
