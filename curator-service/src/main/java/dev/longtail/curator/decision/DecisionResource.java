package dev.longtail.curator.decision;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read access to the decisions: one sample's, or a campaign's (optionally one generation's). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionQueries decisions;

    public DecisionResource(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    @GET
    @Path("/decisions/{sampleId}")
    public DecisionView decision(@PathParam("sampleId") String sampleId) {
        return decisions.ofSample(sampleId);
    }

    @GET
    @Path("/campaigns/{id}/decisions")
    public List<DecisionView> decisions(@PathParam("id") String id,
            @QueryParam("generation") @Min(value = 1, message = "must be >= 1") Integer generation) {
        return decisions.ofCampaign(id, generation);
    }
}
