package dev.longtail.evaluator.report;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.evaluator.control.ControlStep;
import dev.longtail.evaluator.downstream.DownstreamJob;
import dev.longtail.evaluator.evaluation.CampaignReference;
import dev.longtail.evaluator.evaluation.DatasetVersion;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.EvaluationColumns;
import dev.longtail.support.Ids;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds a campaign's report and the view of one evaluation from the stored rows. */
@ApplicationScoped
public class CampaignReports {

    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SeedRecord>> SEEDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() {
    };

    private final JsonColumns json;
    private final EvaluationColumns columns;

    public CampaignReports(JsonColumns json, EvaluationColumns columns) {
        this.json = json;
        this.columns = columns;
    }

    /** The campaign's report; 400 for an id that is not a UUID, 404 for a campaign the evaluator does not know. */
    public CampaignReport report(String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            throw ProblemException.notFound("campaign", id);
        }
        CollapseMeasurement referenceMeasurement = columns.measurement(reference);
        Map<String, Double> generation0 = columns.values(reference);
        Map<String, Double> previous = generation0;
        List<CampaignReport.Row> rows = new ArrayList<>();
        Map<UUID, List<ControlStep>> steps = ControlStep.ofCampaign(campaignId).stream()
                .collect(Collectors.groupingBy(s -> s.evaluationId));
        for (Evaluation e : Evaluation.ofCampaign(campaignId)) {
            DatasetVersion v = DatasetVersion.findById(e.datasetVersionId);
            GenerationPlan plan = json.read(v.plan, GenerationPlan.class);
            ControlViews control = ControlViews.of(steps.getOrDefault(e.id, List.of()), columns.adjustments(e),
                    plan.feedbackOn());
            CollapseMeasurement measured = columns.measurement(e);
            Map<String, Double> values = columns.values(e);
            rows.add(new CampaignReport.Row(e.generation, v.id.toString(), v.generated, v.accepted, v.rejected, v.failed,
                    json.read(v.rejectedByReason, REASON_COUNTS), v.anchorRecords, v.recordCount,
                    CampaignReport.MetricsView.of(e.metrics()),
                    new CampaignReport.PlanView(plan.inBreadthShare(), plan.sampling().temperature(),
                            plan.curation().anchorRatio(), plan.curation().nearDuplicateThreshold()),
                    e.verdict.name(), columns.reasons(e), control.adjustments(), control.withheld(), plan.feedbackOn(),
                    CampaignReport.CollapseView.of(measured), CampaignReport.MetricChange.of(values, generation0, previous),
                    downstream(e)));
            previous = values;
        }
        int referenceRecords = json.read(reference.referenceSeeds, SEEDS).size();
        return new CampaignReport(campaignId, reference.generations, rows.size(), rows.size() == reference.generations,
                new CampaignReport.Reference(referenceRecords, CampaignReport.MetricsView.of(reference.metrics()),
                        CampaignReport.CollapseView.of(referenceMeasurement)), rows);
    }

    /** One evaluation; 400 for an id that is not a UUID, 404 for an unknown one. */
    public EvaluationView evaluation(String id) {
        Evaluation e = Evaluation.findById(Ids.uuid(id, "evaluation id"));
        if (e == null) {
            throw ProblemException.notFound("evaluation", id);
        }
        return new EvaluationView(e.id.toString(), e.campaignId, e.generation, e.datasetVersionId.toString(),
                CampaignReport.MetricsView.of(e.metrics()), e.verdict.name(), columns.reasons(e),
                columns.adjustments(e), e.evaluatedAt);
    }

    private CampaignReport.DownstreamView downstream(Evaluation e) {
        return DownstreamJob.ofEvaluation(e.id).map(j -> new CampaignReport.DownstreamView(j.jobName, j.status.name(),
                j.detail, j.result == null ? null : json.read(j.result, NUMBERS))).orElse(null);
    }
}
