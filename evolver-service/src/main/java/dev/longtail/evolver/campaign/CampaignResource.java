package dev.longtail.evolver.campaign;

import java.net.URI;
import java.util.List;

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

import dev.longtail.support.ProblemException;

/** Campaigns: start one (its first generation is evolved and published at once), look at them and their pool. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final CampaignStarter starter;

    public CampaignResource(CampaignService campaigns, CampaignStarter starter) {
        this.campaigns = campaigns;
        this.starter = starter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateCampaignRequest request) {
        var started = starter.start(request);
        return Response.created(URI.create("/api/v1/campaigns/" + started.id())).entity(started).build();
    }

    @GET
    public List<CampaignViews.Summary> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    public CampaignViews.Detail get(@PathParam("id") String id) {
        return campaigns.find(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @GET
    @Path("/{id}/seeds")
    public List<CampaignViews.PoolSeedView> seeds(@PathParam("id") String id,
            @QueryParam("generation") @Min(0) Integer generation) {
        return campaigns.pool(id, generation).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }
}
