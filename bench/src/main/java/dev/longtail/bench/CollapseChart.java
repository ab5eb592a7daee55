package dev.longtail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** collapse.svg: held-out perplexity (log scale) and tail coverage against generation, one line per regime. */
final class CollapseChart {

    private static final Map<String, String> COLOURS = Map.of("replace", "#d62728", "anchor10", "#ff7f0e",
            "accumulate", "#1f77b4", "longtail", "#2ca02c");

    private final CollapseBenchmark.Result result;
    private final SeedStatistics stats;

    CollapseChart(CollapseBenchmark.Result result, SeedStatistics stats) {
        this.result = result;
        this.stats = stats;
    }

    String svg() {
        CollapseRunOptions s = result.settings();
        int width = 960;
        int height = 420;
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(f("<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">"
                + "Model collapse: %d generation(s), %d seed(s)%s</text>%n", width / 2, s.generations(), s.seeds(),
                s.seeds() > 1 ? ", mean ± sd" : ""));
        panel(svg, 60, 50, 380, 300, "Held-out perplexity (log scale)", GenerationRow::perplexity, true);
        panel(svg, 540, 50, 380, 300, "Tail coverage of real-train's rare bigrams", GenerationRow::tailCoverage, false);
        int x = 120;
        for (String regime : s.regimes()) {
            String colour = COLOURS.getOrDefault(regime, "#333333");
            svg.append(f("<line x1=\"%d\" y1=\"400\" x2=\"%d\" y2=\"400\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<text x=\"%d\" y=\"404\">%s</text>%n", x, x + 24, colour, x + 30, regime));
            x += 180;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void panel(StringBuilder svg, int left, int top, int w, int h, String title,
                       ToDoubleFunction<GenerationRow> field, boolean log) {
        CollapseRunOptions s = result.settings();
        int last = s.generations();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String regime : s.regimes()) {
            for (int g = 0; g <= last; g++) {
                double[] st = stats.stats(regime, g, field);
                lo = Math.min(lo, st[0] - st[1]);
                hi = Math.max(hi, st[0] + st[1]);
            }
        }
        if (log) {
            lo = Math.pow(10, Math.floor(Math.log10(lo) * 10) / 10);
            hi = Math.pow(10, Math.ceil(Math.log10(hi) * 10) / 10);
        } else {
            lo = 0;
            hi = Math.min(1.0, Math.ceil(hi * 10) / 10);
        }
        double flo = lo;
        double fhi = hi;
        java.util.function.DoubleUnaryOperator y = v -> {
            double t = log ? (Math.log(v) - Math.log(flo)) / (Math.log(fhi) - Math.log(flo)) : (v - flo) / (fhi - flo);
            return top + h - t * h;
        };
        java.util.function.IntToDoubleFunction xAt = g -> left + (last == 0 ? 0 : (double) g / last * w);
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"13\">%s</text>%n", left + w / 2, top - 8, title));
        svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top, w, h));
        for (double tick : ticks(lo, hi, log)) {
            double ty = y.applyAsDouble(tick);
            svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, ty, left + w, ty, left - 6, ty + 4,
                    log ? f("%.0f", tick) : f("%.1f", tick)));
        }
        int step = Math.max(1, last / 10);
        for (int g = 0; g <= last; g += step) {
            double gx = xAt.applyAsDouble(g);
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", gx, top + h + 16, g));
        }
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">generation</text>%n", left + w / 2, top + h + 32));
        for (String regime : s.regimes()) {
            String colour = COLOURS.getOrDefault(regime, "#333333");
            StringBuilder points = new StringBuilder();
            for (int g = 0; g <= last; g++) {
                double[] st = stats.stats(regime, g, field);
                double gx = xAt.applyAsDouble(g);
                points.append(f("%.1f,%.1f ", gx, y.applyAsDouble(st[0])));
                if (st[1] > 0) {
                    svg.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-opacity=\"0.6\"/>%n",
                            gx, y.applyAsDouble(Math.max(lo, st[0] - st[1])), gx, y.applyAsDouble(Math.min(hi, st[0] + st[1])), colour));
                }
            }
            svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", points.toString().trim(), colour));
            for (int g = 0; g <= last; g++) {
                svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", xAt.applyAsDouble(g),
                        y.applyAsDouble(stats.stats(regime, g, field)[0]), colour));
            }
        }
    }

    static List<Double> ticks(double lo, double hi, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = decade * m;
                    if (v >= lo && v <= hi) {
                        ticks.add(v);
                    }
                }
            }
        } else {
            for (int i = 0; i <= 10; i += 2) {
                double v = lo + (hi - lo) * i / 10;
                ticks.add(Math.round(v * 100) / 100.0);
            }
        }
        return ticks;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
