package dev.longtail.evolver.seedset;

import java.net.URI;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

/** Seed sets: upload a JSONL file of real seeds, list them (a page at a time), look one up. */
@Path("/api/v1/seed-sets")
@Produces(MediaType.APPLICATION_JSON)
public class SeedSetResource {

    static final String NDJSON = "application/x-ndjson";

    private final SeedSetService seedSets;

    public SeedSetResource(SeedSetService seedSets) {
        this.seedSets = seedSets;
    }

    @POST
    @Consumes({ NDJSON, MediaType.TEXT_PLAIN })
    public Response upload(@QueryParam("name") @NotBlank @Size(max = 200) String name, String body) {
        var summary = seedSets.upload(name, body);
        return Response.created(URI.create("/api/v1/seed-sets/" + summary.id())).entity(summary).build();
    }

    @GET
    public Page<SeedSetService.Summary> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return seedSets.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public SeedSetService.Summary get(@PathParam("id") String id) {
        return seedSets.find(id).orElseThrow(() -> ProblemException.notFound("seed set", id));
    }
}
