package dev.longtail.evolver.evolve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Synchronous evolution ({@code POST /api/v1/evolve}): seeds in, evolved seeds out, no campaign. */
@Path("/api/v1/evolve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvolveResource {

    private final SynchronousEvolution evolution;

    public EvolveResource(SynchronousEvolution evolution) {
        this.evolution = evolution;
    }

    @POST
    public SynchronousEvolution.Evolved evolve(@NotNull @Valid EvolveRequest request) {
        return evolution.evolve(request);
    }
}
