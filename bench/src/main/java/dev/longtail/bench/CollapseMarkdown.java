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

    private String cell(String regime, int generation, ReportField field) {
        double[] st = stats.stats(regime, generation, field.value());
        String mean = f(field.format(), st[0]);
        return result.settings().seeds() > 1 ? mean + " ± " + f(field.format(), st[1]) : mean;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
