package dev.longtail.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** A measured column of the collapse report: its JSON name, its heading, how to read it from a row, its format. */
record ReportField(String key, String heading, ToDoubleFunction<GenerationRow> value, String format) {

    /** Every measured field, in the order collapse.json lists them. */
    static final List<ReportField> ALL = List.of(
            new ReportField("perplexity", "held-out perplexity", GenerationRow::perplexity, "%.1f"),
            new ReportField("tail_coverage", "tail coverage", GenerationRow::tailCoverage, "%.3f"),
            new ReportField("distinct2", "distinct-2", GenerationRow::distinct2, "%.3f"),
            new ReportField("js_divergence", "unigram JS (bits)", GenerationRow::jsDivergence, "%.4f"),
            new ReportField("mean_line_length", "words/line", GenerationRow::meanLineLength, "%.1f"),
            new ReportField("tokens", "tokens", r -> r.tokens(), "%.0f"),
            new ReportField("lines", "lines", r -> r.lines(), "%.0f"),
            new ReportField("candidate_tokens", "candidate tokens", r -> r.candidateTokens(), "%.0f"),
            new ReportField("real_share", "real share", GenerationRow::realShare, "%.3f"),
            new ReportField("attested_distinct2", "attested distinct-2", GenerationRow::attestedDistinct2, "%.3f"),
            new ReportField("carried_share", "carried share", GenerationRow::carriedShare, "%.3f"),
            new ReportField("seconds", "seconds", GenerationRow::seconds, "%.1f"));

    /** The field with this JSON name. */
    static ReportField byKey(String key) {
        return ALL.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
    }
}
