package dev.longtail.generator.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.longtail.generator.embedded.EmbeddedBackend;
import io.smallrye.common.annotation.Blocking;

/** Lists the generation backends this instance can use and whether each one works. */
@Path("/api/v1/backends")
@Produces(MediaType.APPLICATION_JSON)
public class BackendResource {

    /** A backend: its name, the model it serves and whether it passed its probe. */
    public record Backend(String name, String model, boolean healthy) {
    }

    private final EmbeddedBackend embedded;

    public BackendResource(EmbeddedBackend embedded) {
        this.embedded = embedded;
    }

    @GET
    @Blocking
    public List<Backend> list() {
        return List.of(new Backend(embedded.name(), embedded.model(), embedded.healthy()));
    }
}
