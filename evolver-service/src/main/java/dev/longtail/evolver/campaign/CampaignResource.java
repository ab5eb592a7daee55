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

import dev.longtail.evolver.messaging.EventPublisher;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/** Campaigns: start one (its first generation is evolved and published at once), look at them and their pool. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final EventPublisher publisher;
    private final GeneratorBackends backends;

    public CampaignResource(CampaignService campaigns, EventPublisher publisher, GeneratorBackends backends) {
        this.campaigns = campaigns;
        this.publisher = publisher;
        this.backends = backends;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateCampaignRequest request) {
        // asked before the transaction: a remote call should not hold a database connection
        if (request.backend() != null && backends.check(request.backend()) == GeneratorBackends.Answer.UNKNOWN) {
            throw ProblemException.badRequest("The generator has no backend '" + request.backend()
                    + "' (GET /api/v1/backends on the generator lists them)",
                    List.of(new Problem.Violation("backend", null, "unknown backend")));
        }
        var created = campaigns.create(request);
        if (created.status() != CampaignStatus.FAILED) {
            // after commit: a failure here leaves the records unpublished for the sweep, the campaign stands
            publisher.publishCampaign(created.id());
        }
        return Response.created(URI.create("/api/v1/campaigns/" + created.id()))
                .entity(campaigns.find(created.id().toString()).orElse(created)).build();
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
