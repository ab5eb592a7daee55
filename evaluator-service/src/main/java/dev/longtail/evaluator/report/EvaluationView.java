package dev.longtail.evaluator.report;

import dev.longtail.contracts.Adjustment;
import java.time.Instant;
import java.util.List;

/** One evaluation as the REST API shows it. */
public record EvaluationView(String id, String campaignId, int generation, String datasetVersionId,
        CampaignReport.MetricsView metrics, String verdict, List<String> reasons, List<Adjustment> adjustments,
        Instant evaluatedAt) {
}
