package dev.longtail.evolver.campaign;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * Campaigns: start one (its first generation is evolved and published at once), look at them, their pool and its
 * statistics, and control them (pause, resume, cancel, retry a failed generation, fork at a generation).
 */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignQueries campaigns;
    private final CampaignStarter starter;
    private final CampaignControls controls;
    private final PoolStatistics statistics;

    public CampaignResource(CampaignQueries campaigns, CampaignStarter starter, CampaignControls controls,
            PoolStatistics statistics) {
        this.campaigns = campaigns;
        this.starter = starter;
        this.controls = controls;
        this.statistics = statistics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateCampaignRequest request) {
        var started = starter.start(request);
        return Response.created(URI.create("/api/v1/campaigns/" + started.id())).entity(started).build();
    }

    @GET
    public Page<CampaignViews.Summary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return campaigns.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public CampaignViews.Detail get(@PathParam("id") String id) {
        return campaigns.find(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @GET
    @Path("/{id}/seeds")
    public Page<CampaignViews.PoolSeedView> seeds(@PathParam("id") String id,
            @QueryParam("generation") @Min(0) Integer generation, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return campaigns.pool(id, generation, request).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @GET
    @Path("/{id}/pool/stats")
    public PoolStatistics.Stats poolStats(@PathParam("id") String id) {
        return statistics.of(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @POST
    @Path("/{id}/pause")
    public CampaignViews.Detail pause(@PathParam("id") String id) {
        return controls.pause(id);
    }

    @POST
    @Path("/{id}/resume")
    public CampaignViews.Detail resume(@PathParam("id") String id) {
        return controls.resume(id);
    }

    @POST
    @Path("/{id}/cancel")
    public CampaignViews.Detail cancel(@PathParam("id") String id) {
        return controls.cancel(id);
    }

    @POST
    @Path("/{id}/generations/{generation}/retry")
    public CampaignViews.Detail retry(@PathParam("id") String id, @PathParam("generation") String generation) {
        return controls.retry(id, generation);
    }

    @POST
    @Path("/{id}/fork")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fork(@PathParam("id") String id, @NotNull @Valid ForkCampaignRequest request) {
        var fork = controls.fork(id, request);
        return Response.created(URI.create("/api/v1/campaigns/" + fork.id())).entity(fork).build();
    }
}
