package dev.longtail.evaluator;

import dev.longtail.contracts.Adjustment;
import java.util.List;
import java.util.Map;

/** A campaign's report: the reference (generation 0) and one row per evaluated generation. */
public record CampaignReport(String campaignId, int generations, int completedGenerations, boolean complete,
        Reference reference, List<Row> rows) {

    /** The real reference seeds and their own metrics. */
    public record Reference(int records, MetricsView metrics) {
    }

    /** One evaluated generation: what the curator decided, what the evaluator measured and concluded. */
    public record Row(int generation, String datasetVersionId, int generated, int accepted, int rejected, int failed,
            Map<String, Integer> rejectedByReason, int anchorRecords, int records, MetricsView metrics, PlanView plan,
            String verdict, List<String> reasons, List<Adjustment> adjustments) {
    }

    /** The six metrics. */
    public record MetricsView(double distinct1, double distinct2, double unigramEntropy, double tailCoverage,
            double heldOutPerplexity, double meanWords) {

        static MetricsView of(dev.longtail.core.feedback.Metrics m) {
            return new MetricsView(m.distinct1(), m.distinct2(), m.unigramEntropy(), m.tailCoverage(),
                    m.heldOutPerplexity(), m.meanWords());
        }
    }

    /** The plan knobs the feedback turns. */
    public record PlanView(double inBreadthShare, double temperature, double anchorRatio, double nearDuplicateThreshold) {
    }
}
