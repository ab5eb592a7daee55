package dev.longtail.generator.jobs;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.api.GenerateRequest;
import dev.longtail.generator.api.GenerationPlanner;
import dev.longtail.support.ProblemException;
import io.smallrye.common.annotation.Blocking;

/**
 * Asynchronous generation for batches too large to wait for: the request is validated and queued at once (202
 * with the job's location), any replica runs it, and the job reports its progress and pages out its samples.
 * An {@code Idempotency-Key} header makes a retried submission return the job it created the first time, for as
 * long as that job exists: once the retention deleted it ({@code jobs.retention} after it ended), the key is free
 * again and a submission with it creates a new job.
 */
@Path("/api/v1/generation-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GenerationJobResource {

    /** A job and its progress ({@code completed} = generated + failed, {@code progress} in [0, 1]). */
    public record JobView(UUID id, String status, String backend, String mode, String template, String campaignId,
            int total, int completed, int generated, int failed, double progress, String error, Instant createdAt,
            Instant startedAt, Instant finishedAt) {

        static JobView of(GenerationJob job) {
            int completed = job.generated + job.failed;
            return new JobView(job.id, job.status.name(), job.backend, job.mode, job.template, job.campaignId, job.total,
                    completed, job.generated, job.failed, job.total == 0 ? 0 : (double) completed / job.total, job.error,
                    job.createdAt, job.startedAt, job.finishedAt);
        }
    }

    /** One stored sample of a job. */
    public record JobSample(int index, String subject, String status, String output, String failureReason,
            JsonNode provenance) {
    }

    /** A page of samples, in item order. */
    public record SamplePage(UUID jobId, int offset, int limit, List<JobSample> samples) {
    }

    private final JobStore store;
    private final GenerationPlanner planner;
    private final ObjectMapper mapper;
    private final GeneratorConfig config;

    public GenerationJobResource(JobStore store, GenerationPlanner planner, ObjectMapper mapper, GeneratorConfig config) {
        this.store = store;
        this.planner = planner;
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @Blocking
    public Response submit(@NotNull @Valid GenerateRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 255) String idempotencyKey) throws JsonProcessingException {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            var existing = store.findByIdempotencyKey(idempotencyKey);
            if (existing.isPresent()) {
                return Response.ok(JobView.of(existing.get())).location(location(existing.get().id)).build();
            }
        }
        var plan = planner.plan(request, config.jobs().maxItems());
        var job = new GenerationJob();
        job.id = UUID.randomUUID();
        job.status = GenerationJob.Status.QUEUED;
        job.backend = plan.backend().name();
        job.mode = plan.mode().name();
        job.template = plan.template().id();
        job.campaignId = plan.campaignId();
        job.request = mapper.writeValueAsString(pinned(request, plan));
        job.total = plan.items().size();
        job.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        job.createdAt = Instant.now();
        store.create(job);
        return Response.accepted(JobView.of(job)).location(location(job.id)).build();
    }

    @GET
    @Path("/{id}")
    @Blocking
    public JobView get(@PathParam("id") String id) {
        return JobView.of(job(id));
    }

    @GET
    @Path("/{id}/samples")
    @Blocking
    public SamplePage samples(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        GenerationJob job = job(id);
        List<JobSample> samples = store.samples(job.id, offset, limit).stream().map(s -> new JobSample(s.index(),
                s.subject(), s.status(), s.output(), s.failureReason(), tree(s.provenance()))).toList();
        return new SamplePage(job.id, offset, limit, samples);
    }

    /** Cancels a queued or running job (running items finish; no new chunk starts); 409 once it has ended. */
    @DELETE
    @Path("/{id}")
    @Blocking
    public JobView cancel(@PathParam("id") String id) {
        GenerationJob job = job(id);
        if (!store.cancel(job.id)) {
            throw ProblemException.conflict("Job " + id + " has already ended (" + job.status + ")");
        }
        return JobView.of(store.find(job.id).orElseThrow());
    }

    /** The stored request names its backend and template version, so that a later config change cannot alter it. */
    private static GenerateRequest pinned(GenerateRequest r, GenerationPlanner.Plan plan) {
        return new GenerateRequest(plan.backend().name(), plan.mode(), plan.template().version(), r.campaignId(),
                r.trainingCorpus(), r.instructions(), r.texts(), r.humanSeeds(), r.machineSeeds(), r.count(),
                r.logprobs(), r.sampling());
    }

    private GenerationJob job(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("generation job", id);
        }
        return store.find(uuid).orElseThrow(() -> ProblemException.notFound("generation job", id));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored provenance is not JSON", e);
        }
    }

    private static URI location(UUID id) {
        return URI.create("/api/v1/generation-jobs/" + id);
    }
}
