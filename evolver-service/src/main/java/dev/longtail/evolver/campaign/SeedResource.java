package dev.longtail.evolver.campaign;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Seeds across campaigns: the lineage of one, up to the real seed it descends from. */
@Path("/api/v1/seeds")
@Produces(MediaType.APPLICATION_JSON)
public class SeedResource {

    private final SeedLineage lineage;

    public SeedResource(SeedLineage lineage) {
        this.lineage = lineage;
    }

    @GET
    @Path("/{id}/lineage")
    public SeedLineage.Lineage lineage(@PathParam("id") String id, @QueryParam("campaignId") String campaignId) {
        return lineage.of(id, campaignId);
    }
}
