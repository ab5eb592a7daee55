package dev.longtail.evaluator;

import dev.longtail.support.JsonColumns;
import dev.longtail.support.Ids;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.support.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The campaign report (reference and every evaluated generation) and single evaluations. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Adjustment>> ADJUSTMENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SeedRecord>> SEEDS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public ReportResource(JsonColumns json) {
        this.json = json;
    }

    @GET
    @Path("/campaigns/{id}/report")
    public CampaignReport report(@PathParam("id") String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            throw ProblemException.notFound("campaign", id);
        }
        List<CampaignReport.Row> rows = new ArrayList<>();
        for (Evaluation e : Evaluation.ofCampaign(campaignId)) {
            DatasetVersion v = DatasetVersion.findById(e.datasetVersionId);
            GenerationPlan plan = json.read(v.plan, GenerationPlan.class);
            rows.add(new CampaignReport.Row(e.generation, v.id.toString(), v.generated, v.accepted, v.rejected, v.failed,
                    json.read(v.rejectedByReason, REASON_COUNTS), v.anchorRecords, v.recordCount,
                    CampaignReport.MetricsView.of(e.metrics()),
                    new CampaignReport.PlanView(plan.inBreadthShare(), plan.sampling().temperature(),
                            plan.curation().anchorRatio(), plan.curation().nearDuplicateThreshold()),
                    e.verdict.name(), json.read(e.reasons, STRINGS), json.read(e.adjustments, ADJUSTMENTS)));
        }
        int referenceRecords = json.read(reference.referenceSeeds, SEEDS).size();
        return new CampaignReport(campaignId, reference.generations, rows.size(), rows.size() == reference.generations,
                new CampaignReport.Reference(referenceRecords, CampaignReport.MetricsView.of(reference.metrics())), rows);
    }

    @GET
    @Path("/evaluations/{id}")
    public EvaluationView evaluation(@PathParam("id") String id) {
        Evaluation e = Evaluation.findById(Ids.uuid(id, "evaluation id"));
        if (e == null) {
            throw ProblemException.notFound("evaluation", id);
        }
        return new EvaluationView(e.id.toString(), e.campaignId, e.generation, e.datasetVersionId.toString(),
                CampaignReport.MetricsView.of(e.metrics()), e.verdict.name(), json.read(e.reasons, STRINGS),
                json.read(e.adjustments, ADJUSTMENTS), e.evaluatedAt);
    }
}
