package dev.longtail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's outputs: {@code collapse.json} (per regime, one object per generation, means and standard
 * deviations over seeds, plus every seed's raw rows), {@code collapse.md} (the tables and the issue's
 * targets) and {@code collapse.svg} (held-out perplexity and tail coverage against generation).
 */
public final class CollapseReport {

    /** A measured field: its JSON name, its heading and how to read it from a row. */
    record Field(String key, String heading, ToDoubleFunction<GenerationRow> value, String format) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("perplexity", "held-out perplexity", GenerationRow::perplexity, "%.1f"),
            new Field("tail_coverage", "tail coverage", GenerationRow::tailCoverage, "%.3f"),
            new Field("distinct2", "distinct-2", GenerationRow::distinct2, "%.3f"),
            new Field("js_divergence", "unigram JS (bits)", GenerationRow::jsDivergence, "%.4f"),
            new Field("mean_line_length", "words/line", GenerationRow::meanLineLength, "%.1f"),
            new Field("tokens", "tokens", r -> r.tokens(), "%.0f"),
            new Field("lines", "lines", r -> r.lines(), "%.0f"),
            new Field("candidate_tokens", "candidate tokens", r -> r.candidateTokens(), "%.0f"),
            new Field("real_share", "real share", GenerationRow::realShare, "%.3f"),
            new Field("attested_distinct2", "attested distinct-2", GenerationRow::attestedDistinct2, "%.3f"),
            new Field("carried_share", "carried share", GenerationRow::carriedShare, "%.3f"),
            new Field("seconds", "seconds", GenerationRow::seconds, "%.1f"));

    /** One target of the issue, measured. */
    public record Target(String name, String measured, boolean met) {
    }

    private final CollapseBenchmark.Result result;
    private final String command;

    /** A report of a result; {@code command} is the command line that produced it. */
    public CollapseReport(CollapseBenchmark.Result result, String command) {
        this.result = result;
        this.command = command;
    }

    /** Writes collapse.json, collapse.md and collapse.svg into {@code dir} (created if needed). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("collapse.json"), mapper.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("collapse.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("collapse.svg"), svg(), StandardCharsets.UTF_8);
    }

    /** Mean over seeds of a field at a generation. */
    public double mean(String regime, int generation, ToDoubleFunction<GenerationRow> field) {
        return stats(regime, generation, field)[0];
    }

    /** D = perplexity at the last generation / perplexity at generation 0, mean over seeds. */
    public double degradation(String regime) {
        List<CollapseBenchmark.RegimeRun> runs = result.runsOf(regime);
        double sum = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            sum += run.rows().get(run.rows().size() - 1).perplexity() / run.rows().get(0).perplexity();
        }
        return sum / runs.size();
    }

    /** The targets that the regimes of this run can decide. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        List<String> regimes = result.settings().regimes();
        if (!regimes.contains("longtail")) {
            return targets;
        }
        int last = result.settings().generations();
        double dl = degradation("longtail");
        long budget = result.corpus().trainTokens();
        long maxTokens = result.runsOf("longtail").stream().flatMap(r -> r.rows().stream())
                .mapToLong(GenerationRow::tokens).max().orElse(0);
        targets.add(new Target("longtail uses at most B tokens per generation",
                f("max %d of B = %d", maxTokens, budget), maxTokens <= budget));
        double maxReal = result.runsOf("longtail").stream().flatMap(r -> r.rows().stream().skip(1))
                .mapToDouble(GenerationRow::realShare).max().orElse(0);
        targets.add(new Target("longtail's real share (anchors + copies of real lines) at most 10%",
                f("max %.3f", maxReal), maxReal <= result.settings().realShare() + 1e-9));
        if (regimes.contains("accumulate")) {
            double da = degradation("accumulate");
            targets.add(new Target("D(longtail) <= D(accumulate) at generation " + last,
                    f("%.3f vs %.3f", dl, da), dl <= da));
        }
        if (regimes.contains("anchor10")) {
            double dn = degradation("anchor10");
            targets.add(new Target("D(longtail) - 1 <= (D(anchor10) - 1) / 3 at generation " + last,
                    f("%.3f vs %.3f", dl - 1, (dn - 1) / 3), dl - 1 <= (dn - 1) / 3));
            double tl = mean("longtail", last, GenerationRow::tailCoverage);
            double tn = mean("anchor10", last, GenerationRow::tailCoverage);
            targets.add(new Target("tail coverage(longtail) >= 2 x anchor10's at generation " + last,
                    f("%.3f vs 2 x %.3f = %.3f", tl, tn, 2 * tn), tl >= 2 * tn));
            double worst = Double.POSITIVE_INFINITY;
            int worstAt = 0;
            for (int g = 1; g <= last; g++) {
                double margin = mean("longtail", g, GenerationRow::distinct2) - mean("anchor10", g, GenerationRow::distinct2);
                if (margin < worst) {
                    worst = margin;
                    worstAt = g;
                }
            }
            targets.add(new Target("distinct-2(longtail) >= anchor10's at every generation",
                    f("smallest margin %+.4f (generation %d)", worst, worstAt), worst >= 0));
        }
        double real = result.corpus().meanLineLength();
        double worstDeviation = 0;
        int worstAt = 0;
        for (int g = 1; g <= last; g++) {
            double dev = Math.abs(mean("longtail", g, GenerationRow::meanLineLength) / real - 1);
            if (dev > worstDeviation) {
                worstDeviation = dev;
                worstAt = g;
            }
        }
        targets.add(new Target("longtail's words/line within 15% of real-train's at every generation",
                f("real %.1f; largest deviation %.1f%% (generation %d)", real, 100 * worstDeviation, worstAt),
                worstDeviation <= 0.15));
        return targets;
    }

    /** A few lines for the console: D per regime and the targets. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int last = result.settings().generations();
        for (String regime : result.settings().regimes()) {
            sb.append(f("%-10s D = %.3f  perplexity %.1f -> %.1f  tail %.3f  words/line %.1f%n", regime,
                    degradation(regime), mean(regime, 0, GenerationRow::perplexity),
                    mean(regime, last, GenerationRow::perplexity), mean(regime, last, GenerationRow::tailCoverage),
                    mean(regime, last, GenerationRow::meanLineLength)));
        }
        for (Target t : targets()) {
            sb.append(f("[%s] %s: %s%n", t.met() ? "met" : "NOT MET", t.name(), t.measured()));
        }
        sb.append(f("elapsed %.0f s%n", result.seconds()));
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- JSON

    Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "collapse");
        root.put("command", command);
        CollapseRunOptions s = result.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("generations", s.generations());
        settings.put("seeds", s.seeds());
        settings.put("first_seed", s.firstSeed());
        settings.put("model", "interpolated modified Kneser-Ney, order " + s.order() + ", vocabulary fixed from real-train");
        settings.put("sampling", "temperature 1, top-p 1");
        settings.put("real_share", s.realShare());
        settings.put("candidate_factor", s.candidateFactor());
        settings.put("selection", s.selection());
        settings.put("threads", s.threads());
        root.put("settings", settings);
        root.put("corpus", result.corpus());
        root.put("elapsed_seconds", round(result.seconds(), 1));
        Map<String, Object> regimes = new LinkedHashMap<>();
        for (String regime : s.regimes()) {
            List<Map<String, Object>> gens = new ArrayList<>();
            for (int g = 0; g <= s.generations(); g++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("generation", g);
                for (Field field : FIELDS) {
                    double[] st = stats(regime, g, field.value());
                    row.put(field.key(), round(st[0], 6));
                    if (s.seeds() > 1) {
                        row.put(field.key() + "_sd", round(st[1], 6));
                    }
                }
                row.put("perplexity_ratio", round(mean(regime, g, GenerationRow::perplexity) / mean(regime, 0, GenerationRow::perplexity), 6));
                String verdict = result.runsOf(regime).get(0).rows().get(g).verdict();
                if (!verdict.isEmpty()) {
                    row.put("verdict", verdict);
                }
                gens.add(row);
            }
            regimes.put(regime, gens);
        }
        root.put("regimes", regimes);
        Map<String, Object> d = new LinkedHashMap<>();
        for (String regime : s.regimes()) {
            d.put(regime, round(degradation(regime), 6));
        }
        root.put("degradation", d);
        root.put("targets", targets());
        Map<String, Object> perSeed = new LinkedHashMap<>();
        for (CollapseBenchmark.RegimeRun run : result.runs()) {
            ((Map<String, Object>) perSeed.computeIfAbsent(run.regime(), k -> new LinkedHashMap<String, Object>()))
                    .put(Long.toString(run.seed()), run.rows());
        }
        root.put("per_seed", perSeed);
        return root;
    }

    // ------------------------------------------------------------------------------------------ Markdown

    String markdown() {
        CollapseRunOptions s = result.settings();
        CollapseBenchmark.CorpusInfo c = result.corpus();
        int last = s.generations();
        boolean spread = s.seeds() > 1;
        StringBuilder md = new StringBuilder();
        md.append("# Collapse benchmark\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append(f("Corpus `%s`: real-train %d articles, %d lines, %d tokens (the budget B), %.1f words per line; "
                        + "held-out %d articles, %d tokens; vocabulary %d (fixed from real-train). Model: interpolated "
                        + "modified Kneser-Ney, order %d, sampled at temperature 1, top-p 1. %d generation(s), %d seed(s)%s; "
                        + "longtail may sample up to %d x B candidate tokens per generation. Run time %.0f s.%n%n",
                c.source(), c.trainArticles(), c.trainLines(), c.trainTokens(), c.meanLineLength(), c.heldOutArticles(),
                c.heldOutTokens(), c.vocabulary(), s.order(), last, s.seeds(),
                spread ? " (mean ± standard deviation over seeds)" : "", s.candidateFactor(), result.seconds()));

        md.append(f("## Generation %d%n%n", last));
        md.append("| regime | held-out perplexity | D = ppl_").append(last).append(" / ppl_0 | tail coverage | distinct-2 "
                + "| attested distinct-2 | unigram JS (bits) | words/line | tokens | candidate tokens | real share "
                + "| carried share |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String regime : s.regimes()) {
            md.append("| ").append(regime);
            md.append(" | ").append(cell(regime, last, FIELDS.get(0)));
            md.append(" | ").append(f("%.2f", degradation(regime)));
            for (String key : List.of("tail_coverage", "distinct2", "attested_distinct2", "js_divergence",
                    "mean_line_length", "tokens", "candidate_tokens", "real_share", "carried_share")) {
                md.append(" | ").append(cell(regime, last, field(key)));
            }
            md.append(" |\n");
        }
        md.append(f("%nGeneration 0 (real-train itself, model M0): held-out perplexity %.1f, distinct-2 %.3f, words/line %.1f.%n%n",
                mean(s.regimes().get(0), 0, GenerationRow::perplexity), mean(s.regimes().get(0), 0, GenerationRow::distinct2),
                c.meanLineLength()));

        List<Target> targets = targets();
        if (!targets.isEmpty()) {
            md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
            for (Target t : targets) {
                md.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ")
                        .append(t.met() ? "yes" : "**no**").append(" |\n");
            }
            md.append('\n');
        }
        md.append("![held-out perplexity and tail coverage by generation](collapse.svg)\n\n");
        for (String key : List.of("perplexity", "tail_coverage", "distinct2", "attested_distinct2", "mean_line_length",
                "js_divergence", "tokens", "candidate_tokens", "carried_share")) {
            Field field = field(key);
            md.append("## ").append(Character.toUpperCase(field.heading().charAt(0))).append(field.heading().substring(1))
                    .append(" by generation\n\n| generation |");
            for (String regime : s.regimes()) {
                md.append(' ').append(regime).append(" |");
            }
            md.append("\n| ---: |");
            md.append(" ---: |".repeat(s.regimes().size()));
            md.append('\n');
            for (int g = 0; g <= last; g++) {
                md.append("| ").append(g).append(" |");
                for (String regime : s.regimes()) {
                    md.append(' ').append(cell(regime, g, field)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
        if (s.regimes().contains("longtail")) {
            md.append("## Longtail's feedback verdicts (training set against real-train; no held-out data)\n\n");
            for (CollapseBenchmark.RegimeRun run : result.runsOf("longtail")) {
                md.append("- seed ").append(run.seed()).append(": ");
                List<String> verdicts = new ArrayList<>();
                for (GenerationRow row : run.rows().subList(1, run.rows().size())) {
                    verdicts.add("g" + row.generation() + " " + row.verdict());
                }
                md.append(String.join(", ", verdicts)).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private String cell(String regime, int generation, Field field) {
        double[] st = stats(regime, generation, field.value());
        String mean = f(field.format(), st[0]);
        return result.settings().seeds() > 1 ? mean + " ± " + f(field.format(), st[1]) : mean;
    }

    private static Field field(String key) {
        return FIELDS.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    }

    // ----------------------------------------------------------------------------------------------- SVG

    static final Map<String, String> COLOURS = Map.of("replace", "#d62728", "anchor10", "#ff7f0e",
            "accumulate", "#1f77b4", "longtail", "#2ca02c");

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
                double[] st = stats(regime, g, field);
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
                double[] st = stats(regime, g, field);
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
                        y.applyAsDouble(stats(regime, g, field)[0]), colour));
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

    // --------------------------------------------------------------------------------------------- helpers

    /** Mean and (sample) standard deviation over seeds. */
    private double[] stats(String regime, int generation, ToDoubleFunction<GenerationRow> field) {
        List<CollapseBenchmark.RegimeRun> runs = result.runsOf(regime);
        double sum = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            sum += field.applyAsDouble(run.rows().get(generation));
        }
        double mean = sum / runs.size();
        double ss = 0;
        for (CollapseBenchmark.RegimeRun run : runs) {
            double d = field.applyAsDouble(run.rows().get(generation)) - mean;
            ss += d * d;
        }
        return new double[] {mean, runs.size() > 1 ? Math.sqrt(ss / (runs.size() - 1)) : 0};
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double p = Math.pow(10, digits);
        return Math.round(v * p) / p;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
