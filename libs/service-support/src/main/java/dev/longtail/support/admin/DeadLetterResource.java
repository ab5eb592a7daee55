package dev.longtail.support.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /admin/dead-letters}: list (paginated, newest first), inspect, replay and discard the service's dead letters. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters letters;

    public DeadLetterResource(DeadLetters letters) {
        this.letters = letters;
    }

    @GET
    public DeadLetters.Page list(@QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Pages.check(limit, offset);
        return letters.list(limit, offset);
    }

    @GET
    @Path("/{id}")
    public DeadLetters.Detail get(@PathParam("id") String id) {
        return letters.get(id);
    }

    @POST
    @Path("/{id}/replay")
    public DeadLetters.Detail replay(@PathParam("id") String id, @Context SecurityContext security) {
        return letters.replay(id, Actors.of(security));
    }

    @DELETE
    @Path("/{id}")
    public void discard(@PathParam("id") String id, @Context SecurityContext security) {
        letters.discard(id, Actors.of(security));
    }
}
