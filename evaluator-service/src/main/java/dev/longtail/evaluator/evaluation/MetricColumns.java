package dev.longtail.evaluator.evaluation;

import dev.longtail.contracts.GenerationMetrics;
import dev.longtail.core.feedback.VersionSignals;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The six loop metrics as columns, shared by the reference (generation 0) and every evaluation. */
@Embeddable
public class MetricColumns {

    public double distinct1;
    public double distinct2;
    @Column(name = "unigram_entropy")
    public double unigramEntropy;
    @Column(name = "tail_coverage")
    public double tailCoverage;
    @Column(name = "held_out_perplexity")
    public double heldOutPerplexity;
    @Column(name = "mean_words")
    public double meanWords;

    static MetricColumns of(VersionSignals m) {
        var columns = new MetricColumns();
        columns.distinct1 = m.distinct1();
        columns.distinct2 = m.distinct2();
        columns.unigramEntropy = m.unigramEntropy();
        columns.tailCoverage = m.tailCoverage();
        columns.heldOutPerplexity = m.heldOutPerplexity();
        columns.meanWords = m.meanWords();
        return columns;
    }

    VersionSignals toMetrics() {
        return new VersionSignals(distinct1, distinct2, unigramEntropy, tailCoverage, heldOutPerplexity, meanWords);
    }

    /** The six metrics by name, as in {@link dev.longtail.core.metrics.CollapseMeasurement#values()}. */
    Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("distinct1", distinct1);
        values.put("distinct2", distinct2);
        values.put("unigramEntropy", unigramEntropy);
        values.put("tailCoverage", tailCoverage);
        values.put("heldOutPerplexity", heldOutPerplexity);
        values.put("meanWords", meanWords);
        return values;
    }

    GenerationMetrics toGenerationMetrics() {
        return new GenerationMetrics(distinct1, distinct2, unigramEntropy, tailCoverage, heldOutPerplexity, meanWords);
    }
}
