package dev.longtail.generator.generation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/**
 * Synchronous generation of a small batch, without a campaign: any backend, any mode. Items that fail come back with
 * the reason; larger batches go to generation jobs.
 */
@Path("/api/v1/generate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenerateResource {

    private final GenerateService generate;

    public GenerateResource(GenerateService generate) {
        this.generate = generate;
    }

    /** Not {@code @Blocking}: the service waits on a server without a thread, and moves the embedded model to a worker. */
    @POST
    public Uni<GenerateResponse> generate(@NotNull @Valid GenerateRequest request) {
        return generate.generate(request);
    }
}
