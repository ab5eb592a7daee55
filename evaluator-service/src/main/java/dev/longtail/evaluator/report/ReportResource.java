package dev.longtail.evaluator.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The campaign report (JSON and HTML) and single evaluations. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final CampaignReports reports;

    public ReportResource(CampaignReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/campaigns/{id}/report")
    public CampaignReport report(@PathParam("id") String id) {
        return reports.report(id);
    }

    /** The same report as a page for people: a chart per metric across generations, verdicts and adjustments. */
    @GET
    @Path("/campaigns/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public String reportPage(@PathParam("id") String id) {
        return ReportPage.render(reports.report(id));
    }

    /** The page at the report's own address for a browser (Accept: text/html); JSON stays the default. */
    @GET
    @Path("/campaigns/{id}/report")
    @Produces(MediaType.TEXT_HTML)
    public String reportForBrowser(@PathParam("id") String id) {
        return ReportPage.render(reports.report(id));
    }

    @GET
    @Path("/evaluations/{id}")
    public EvaluationView evaluation(@PathParam("id") String id) {
        return reports.evaluation(id);
    }
}
