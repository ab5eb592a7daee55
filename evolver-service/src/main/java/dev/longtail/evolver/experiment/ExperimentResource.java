package dev.longtail.evolver.experiment;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.longtail.support.ProblemException;

/**
 * Experiments: run arms over random seeds (one campaign each), follow them, and compare the arms from the
 * evaluator's reports (JSON, or a page with a chart per metric).
 */
@Path("/api/v1/experiments")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    private final ExperimentService experiments;
    private final ExperimentStarter starter;
    private final ExperimentReports reports;

    public ExperimentResource(ExperimentService experiments, ExperimentStarter starter, ExperimentReports reports) {
        this.experiments = experiments;
        this.starter = starter;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateExperimentRequest request) {
        var started = starter.start(request);
        return Response.created(URI.create("/api/v1/experiments/" + started.id())).entity(started).build();
    }

    @GET
    public List<ExperimentViews.Detail> list(
            // page × size must stay an int offset: 2^31-1 overflowed into a negative offset and a 500
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return experiments.list(page, size);
    }

    @GET
    @Path("/{id}")
    public ExperimentViews.Detail get(@PathParam("id") String id) {
        return known(id);
    }

    @GET
    @Path("/{id}/report")
    public ExperimentReport report(@PathParam("id") String id) {
        return reports.report(known(id));
    }

    @GET
    @Path("/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public String reportPage(@PathParam("id") String id) {
        return ExperimentReportPage.render(reports.report(known(id)));
    }

    private ExperimentViews.Detail known(String id) {
        return experiments.find(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
    }
}
