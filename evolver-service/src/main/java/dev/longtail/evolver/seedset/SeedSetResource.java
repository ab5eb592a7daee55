package dev.longtail.evolver.seedset;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
    public Response upload(@QueryParam("name") @NotBlank @Size(max = 200) String name, byte[] body) {
        var summary = seedSets.upload(name, utf8(body));
        return Response.created(URI.create("/api/v1/seed-sets/" + summary.id())).entity(summary).build();
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than replaced, so no seed is silently altered. */
    private static String utf8(byte[] body) {
        try {
            return body == null ? null : StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The seed set is not valid UTF-8: " + e.getMessage());
        }
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
