package dev.longtail.evaluator.report;

import dev.longtail.core.metrics.CollapseMeasurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's report: the reference (generation 0) and one row per evaluated generation. The six loop metrics
 * keep their place ({@code metrics}); every metric of docs/metrics.md is under {@code collapse}, with its change
 * against generation 0 and the previous generation under {@code changes}.
 */
public record CampaignReport(String campaignId, int generations, int completedGenerations, boolean complete,
        Reference reference, List<Row> rows) {

    /** The real reference seeds and their own metrics. */
    public record Reference(int records, MetricsView metrics, CollapseView collapse) {
    }

    /**
     * One evaluated generation: what the curator decided, what the evaluator measured and concluded, the plan changes
     * it asked for with what became of them, and the advice it did not follow. {@code feedbackOn} is the plan's: when
     * false the adjustments were proposed but not applied.
     */
    public record Row(int generation, String datasetVersionId, int generated, int accepted, int rejected, int failed,
            Map<String, Integer> rejectedByReason, int anchorRecords, int records, MetricsView metrics, PlanView plan,
            String verdict, List<String> reasons, List<AdjustmentView> adjustments, List<HeldAdviceView> withheld,
            boolean feedbackOn, CollapseView collapse, Map<String, MetricChange> changes, DownstreamView downstream) {
    }

    /**
     * A plan change a generation asked for, the signal it targets, that signal's value then ({@code before}) and one
     * generation later ({@code after}), the {@code outcome} (improved, worsened or unchanged; null while pending or
     * when not measured) and whether the next plan carried it ({@code applied}; null while pending). {@code status}
     * says it in words. Rows stored before the controller carry only parameter, from, to and reason.
     */
    public record AdjustmentView(String parameter, double from, double to, String reason, String direction,
            String targetSignal, Double before, Double after, String outcome, Boolean applied, String status) {
    }

    /** Advice not followed: {@code action} withheld (measured harmful) or frozen (the campaign's own record), and why. */
    public record HeldAdviceView(String parameter, double from, double to, String reason, String action, String why) {
    }

    /** The six metrics. */
    public record MetricsView(double distinct1, double distinct2, double unigramEntropy, double tailCoverage,
            double heldOutPerplexity, double meanWords) {

        static MetricsView of(dev.longtail.core.feedback.VersionSignals m) {
            return new MetricsView(m.distinct1(), m.distinct2(), m.unigramEntropy(), m.tailCoverage(),
                    m.heldOutPerplexity(), m.meanWords());
        }
    }

    /** Every metric, the sample size behind sampled ones, category shares and the two histograms. */
    public record CollapseView(Map<String, Double> metrics, Map<String, Integer> sampleSizes,
            Map<String, CollapseMeasurement.CategoryShare> categories, List<Double> lengthShares,
            List<Double> perplexityShares, Map<String, Long> millis) {

        static CollapseView of(CollapseMeasurement m) {
            return m == null ? null : new CollapseView(m.values(), m.sampleSizes(), m.categories(), m.lengthShares(),
                    m.perplexityShares(), m.millis());
        }
    }

    /** Difference (current − baseline) and ratio (current / baseline; null when the baseline is 0). */
    public record Comparison(double delta, Double ratio) {

        public static Comparison of(Double current, Double baseline) {
            if (current == null || baseline == null) {
                return null;
            }
            return new Comparison(current - baseline, baseline == 0 ? null : current / baseline);
        }
    }

    /** A metric's change against generation 0 (the reference) and against the previous generation. */
    public record MetricChange(Comparison vsGeneration0, Comparison vsPrevious) {

        static Map<String, MetricChange> of(Map<String, Double> current, Map<String, Double> generation0,
                Map<String, Double> previous) {
            Map<String, MetricChange> out = new LinkedHashMap<>();
            current.forEach((metric, value) -> out.put(metric, new MetricChange(
                    Comparison.of(value, generation0.get(metric)), Comparison.of(value, previous.get(metric)))));
            return out;
        }
    }

    /** The downstream Kubernetes job of a generation: its state and, once it succeeded, its numbers. */
    public record DownstreamView(String jobName, String status, String detail, Map<String, Double> result) {
    }

    /** The plan knobs the feedback turns. */
    public record PlanView(double inBreadthShare, double temperature, double anchorRatio, double nearDuplicateThreshold) {
    }
}
