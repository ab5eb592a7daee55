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
 * targets, {@link CollapseMarkdown}) and {@code collapse.svg} (held-out perplexity and tail coverage against
 * generation, {@link CollapseChart}).
 */
public final class CollapseReport {

    private final CollapseBenchmark.Result result;
    private final String command;
    private final SeedStatistics stats;

    /** A report of a result; {@code command} is the command line that produced it. */
    public CollapseReport(CollapseBenchmark.Result result, String command) {
        this.result = result;
        this.command = command;
        this.stats = new SeedStatistics(result);
    }

    /** Writes collapse.json, collapse.md and collapse.svg into {@code dir} (created if needed). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("collapse.json"), mapper.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("collapse.md"), new CollapseMarkdown(result, stats, command).markdown(),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("collapse.svg"), new CollapseChart(result, stats).svg(), StandardCharsets.UTF_8);
    }

    /** Mean over seeds of a field at a generation. */
    public double mean(String regime, int generation, ToDoubleFunction<GenerationRow> field) {
        return stats.mean(regime, generation, field);
    }

    /** D = perplexity at the last generation / perplexity at generation 0, mean over seeds. */
    public double degradation(String regime) {
        return stats.degradation(regime);
    }

    /** The targets that the regimes of this run can decide. */
    public List<CollapseTargets.Target> targets() {
        return CollapseTargets.of(result, stats);
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
        for (CollapseTargets.Target t : targets()) {
            sb.append(f("[%s] %s: %s%n", t.met() ? "met" : "NOT MET", t.name(), t.measured()));
        }
        sb.append(f("elapsed %.0f s%n", result.seconds()));
        return sb.toString();
    }

    /** collapse.json's tree. */
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
                for (ReportField field : ReportField.ALL) {
                    double[] st = stats.stats(regime, g, field.value());
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
