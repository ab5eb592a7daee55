package dev.longtail.generator.backend;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.generator.openai.client.OpenAiBackend;
import dev.longtail.support.ProblemException;
import io.smallrye.common.annotation.Blocking;

/** Lists the generation backends this instance can use, their limits and whether each one answers now. */
@Path("/api/v1/backends")
@Produces(MediaType.APPLICATION_JSON)
public class BackendResource {

    /**
     * A backend: name, kind and model; whether it is the default; whether its probe passed and its circuit
     * breaker's state; its limits and current load (calls holding a slot, calls queued for one); for a server, its base URL and API (never its key).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Backend(String name, String kind, String model, boolean isDefault, boolean healthy,
            String circuitBreaker, String detail, long probeMillis, int maxConcurrency, int inFlight, int waiting,
            Long tokensAvailable, String baseUrl, String api, String lastFailure) {
    }

    private final BackendRegistry backends;

    public BackendResource(BackendRegistry backends) {
        this.backends = backends;
    }

    @GET
    @Blocking
    public List<Backend> list() {
        return backends.all().stream().map(this::describe).toList();
    }

    @GET
    @Path("/{name}")
    @Blocking
    public Backend get(@PathParam("name") String name) {
        return describe(backends.find(name).orElseThrow(() -> ProblemException.notFound("backend", name)));
    }

    /** 200 when the backend answers, 503 when it does not: usable as an external probe. */
    @GET
    @Path("/{name}/health")
    @Blocking
    public Response health(@PathParam("name") String name) {
        GenerationBackend backend = backends.find(name).orElseThrow(() -> ProblemException.notFound("backend", name));
        BackendHealth health = backend.health();
        return Response.status(health.healthy() ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(health).build();
    }

    private Backend describe(GenerationBackend backend) {
        BackendHealth health = backend.health();
        var limiter = backend.limiter();
        long tokens = limiter.tokensAvailable();
        OpenAiBackend server = backend instanceof OpenAiBackend o ? o : null;
        return new Backend(backend.name(), backend.kind(), backend.model(), backend.name().equals(backends.defaultName()),
                health.healthy(), health.circuitBreaker(), health.detail(), health.probeMillis(), limiter.maxConcurrency(),
                limiter.inFlight(), limiter.waiting(), tokens < 0 ? null : tokens, server == null ? null : server.baseUrl(),
                server == null ? null : server.api(), server == null ? null : server.lastFailure());
    }
}
