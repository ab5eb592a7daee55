package dev.longtail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** collapse.md: the run's corpus and settings, the last generation's table, the targets, and every field by generation. */
final class CollapseMarkdown {

    private final CollapseBenchmark.Result result;
    private final SeedStatistics stats;
    private final String command;

    CollapseMarkdown(CollapseBenchmark.Result result, SeedStatistics stats, String command) {
        this.result = result;
        this.stats = stats;
        this.command = command;
    }

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
                        + "random10x, longtail-fresh and longtail may sample up to %d x B candidate tokens per generation. "
                        + "Run time %.0f s.%n%n",
                c.source(), c.trainArticles(), c.trainLines(), c.trainTokens(), c.meanLineLength(), c.heldOutArticles(),
                c.heldOutTokens(), c.vocabulary(), s.order(), last, s.seeds(),
                spread ? " (mean ± standard deviation over seeds)" : "", s.candidateFactor(), result.seconds()));

        md.append(REGIMES);
        md.append(f("## Generation %d%n%n", last));
        md.append("| regime | held-out perplexity | D = ppl_").append(last).append(" / ppl_0 | tail coverage | distinct-2 "
                + "| attested distinct-2 | unigram JS (bits) | words/line | tokens | candidate tokens | real share "
                + "| carried share |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String regime : s.regimes()) {
            md.append("| ").append(regime);
            md.append(" | ").append(cell(regime, last, ReportField.ALL.get(0)));
            md.append(" | ").append(f("%.2f", stats.degradation(regime)));
            for (String key : List.of("tail_coverage", "distinct2", "attested_distinct2", "js_divergence",
                    "mean_line_length", "tokens", "candidate_tokens", "real_share", "carried_share")) {
                md.append(" | ").append(cell(regime, last, ReportField.byKey(key)));
            }
            md.append(" |\n");
        }
        md.append(f("%nGeneration 0 (real-train itself, model M0): held-out perplexity %.1f, distinct-2 %.3f, words/line %.1f.%n%n",
                stats.mean(s.regimes().get(0), 0, GenerationRow::perplexity), stats.mean(s.regimes().get(0), 0, GenerationRow::distinct2),
                c.meanLineLength()));

        List<CollapseTargets.Target> targets = CollapseTargets.of(result, stats);
        if (!targets.isEmpty()) {
            md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
            for (CollapseTargets.Target t : targets) {
                md.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ")
                        .append(t.met() ? "yes" : "**no**").append(" |\n");
            }
            md.append('\n');
        }
        md.append(gainShares(last));
        md.append("![held-out perplexity and tail coverage by generation](collapse.svg)\n\n");
        for (String key : List.of("perplexity", "tail_coverage", "distinct2", "attested_distinct2", "mean_line_length",
                "js_divergence", "tokens", "candidate_tokens", "carried_share")) {
            ReportField field = ReportField.byKey(key);
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

    /** What each regime trains generation g on. */
    private static final String REGIMES = """
            Regimes (B = real-train's tokens; every model is trained from scratch on its set):
            - `replace`: B tokens of samples of the previous model (Shumailov et al. 2024).
            - `anchor10`: a fresh random 10% of real-train's lines, samples for the rest.
            - `accumulate`: real-train plus every generation's B tokens of samples; grows without bound (Gerstgrasser et al. 2024).
            - `accumulate-subsample`: the same pool, subsampled uniformly to B tokens each generation (Gerstgrasser et al. 2024).
            - `random10x`: longtail's candidates (10 x B tokens, the same filter chain, units, length strata, carry-over cap and packing) chosen in a random order, with random real units as the 10% anchors: matched compute, only the choice differs.
            - `longtail-fresh`: longtail with no carry-over: every synthetic unit freshly sampled.
            - `longtail`: the core's `TailPreservingCuration` with `SelectionSettings.DEFAULTS`.

            """;

    /** Of longtail's gain over random10x, the share that the objective brings and the share carry-over adds. */
    private String gainShares(int last) {
        List<String> regimes = result.settings().regimes();
        if (!regimes.containsAll(List.of("random10x", "longtail-fresh", "longtail"))) {
            return "";
        }
        double dr = stats.degradation("random10x");
        double df = stats.degradation("longtail-fresh");
        double dl = stats.degradation("longtail");
        double gain = dr - dl;
        return f("Where longtail's gain over random10x comes from (D at generation %d): random10x %.3f, longtail-fresh "
                        + "%.3f (the objective, no carry-over), longtail %.3f (plus carry-over): the objective brings %.0f%% "
                        + "of the gain, carry-over %.0f%%.%n%n", last, dr, df, dl, 100 * (dr - df) / gain,
                100 * (df - dl) / gain);
    }

    private String cell(String regime, int generation, ReportField field) {
        double[] st = stats.stats(regime, generation, field.value());
        String mean = f(field.format(), st[0]);
        return result.settings().seeds() > 1 ? mean + " ± " + f(field.format(), st[1]) : mean;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
