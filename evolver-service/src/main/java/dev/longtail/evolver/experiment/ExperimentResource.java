package dev.longtail.evolver.experiment;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.longtail.evolver.paging.Page;
import dev.longtail.evolver.paging.PageRequest;
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
    public Page<ExperimentViews.Detail> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return experiments.list(PageRequest.of(page, size));
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
