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
import dev.longtail.core.metrics.CollapseMeasurement;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The campaign report (JSON and HTML), single evaluations, and evaluations of uploaded datasets. */
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
    private final UploadEvaluations uploads;

    public ReportResource(JsonColumns json, UploadEvaluations uploads) {
        this.json = json;
        this.uploads = uploads;
    }

    /**
     * A platform's own dataset against its own reference, outside any campaign. Multipart form: {@code dataset}
     * and {@code reference} (JSONL, required), {@code heldOut} (JSONL, optional: else every fifth reference
     * record is held out).
     */
    @jakarta.ws.rs.POST
    @Path("/evaluations")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public UploadEvaluations.UploadEvaluation evaluateUpload(
            @org.jboss.resteasy.reactive.RestForm("dataset") org.jboss.resteasy.reactive.multipart.FileUpload dataset,
            @org.jboss.resteasy.reactive.RestForm("reference") org.jboss.resteasy.reactive.multipart.FileUpload reference,
            @org.jboss.resteasy.reactive.RestForm("heldOut") org.jboss.resteasy.reactive.multipart.FileUpload heldOut) {
        return uploads.evaluate(dataset, reference, heldOut);
    }

    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() {
    };

    @GET
    @Path("/campaigns/{id}/report")
    public CampaignReport report(@PathParam("id") String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        CampaignReference reference = CampaignReference.findById(campaignId);
        if (reference == null) {
            throw ProblemException.notFound("campaign", id);
        }
        CollapseMeasurement referenceMeasurement = reference.collapseMetrics == null ? null
                : json.read(reference.collapseMetrics, CollapseMeasurement.class);
        Map<String, Double> generation0 = referenceMeasurement != null ? referenceMeasurement.values()
                : Evaluations.sixOf(reference.metrics());
        Map<String, Double> previous = generation0;
        List<CampaignReport.Row> rows = new ArrayList<>();
        for (Evaluation e : Evaluation.ofCampaign(campaignId)) {
            DatasetVersion v = DatasetVersion.findById(e.datasetVersionId);
            GenerationPlan plan = json.read(v.plan, GenerationPlan.class);
            CollapseMeasurement measured = e.collapseMetrics == null ? null
                    : json.read(e.collapseMetrics, CollapseMeasurement.class);
            Map<String, Double> values = measured != null ? measured.values() : Evaluations.sixOf(e.metrics());
            rows.add(new CampaignReport.Row(e.generation, v.id.toString(), v.generated, v.accepted, v.rejected, v.failed,
                    json.read(v.rejectedByReason, REASON_COUNTS), v.anchorRecords, v.recordCount,
                    CampaignReport.MetricsView.of(e.metrics()),
                    new CampaignReport.PlanView(plan.inBreadthShare(), plan.sampling().temperature(),
                            plan.curation().anchorRatio(), plan.curation().nearDuplicateThreshold()),
                    e.verdict.name(), json.read(e.reasons, STRINGS), json.read(e.adjustments, ADJUSTMENTS),
                    CampaignReport.CollapseView.of(measured), CampaignReport.MetricChange.of(values, generation0, previous),
                    downstream(e)));
            previous = values;
        }
        int referenceRecords = json.read(reference.referenceSeeds, SEEDS).size();
        return new CampaignReport(campaignId, reference.generations, rows.size(), rows.size() == reference.generations,
                new CampaignReport.Reference(referenceRecords, CampaignReport.MetricsView.of(reference.metrics()),
                        CampaignReport.CollapseView.of(referenceMeasurement)), rows);
    }

    /** The same report as a page for people: a chart per metric across generations, verdicts and adjustments. */
    @GET
    @Path("/campaigns/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public String reportPage(@PathParam("id") String id) {
        return ReportPage.render(report(id));
    }

    /** The page at the report's own address for a browser (Accept: text/html); JSON stays the default. */
    @GET
    @Path("/campaigns/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    public String reportForBrowser(@PathParam("id") String id) {
        return reportPage(id);
    }

    private CampaignReport.DownstreamView downstream(Evaluation e) {
        return DownstreamJob.ofEvaluation(e.id).map(j -> new CampaignReport.DownstreamView(j.jobName, j.status.name(),
                j.detail, j.result == null ? null : json.read(j.result, NUMBERS))).orElse(null);
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
