package dev.longtail.curator.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The synchronous curation API: an ML platform sends a batch of its own samples and gets a decision per sample
 * ({@link BatchCuration}). Nothing is stored.
 */
@Path("/api/v1/curate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CurateResource {

    private final BatchCuration curation;

    public CurateResource(BatchCuration curation) {
        this.curation = curation;
    }

    @POST
    public CurateResponse curate(@NotNull @Valid CurateRequest request) {
        return curation.curate(request);
    }
}
