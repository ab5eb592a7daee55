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

import dev.longtail.generator.generation.GenerateRequest;
import io.smallrye.common.annotation.Blocking;

/**
 * Asynchronous generation for batches too large to wait for: the request is validated and queued at once (202
 * with the job's location), any replica runs it, and the job reports its progress and pages out its samples.
 * An {@code Idempotency-Key} header makes a retried submission return the job it created the first time (200), for
 * as long as that job exists: once the retention deleted it ({@code jobs.retention} after it ended), the key is free
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

    private final GenerationJobService jobs;
    private final ObjectMapper mapper;

    public GenerationJobResource(GenerationJobService jobs, ObjectMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    @POST
    @Blocking
    public Response submit(@NotNull @Valid GenerateRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 255) String idempotencyKey) {
        var submitted = jobs.submit(request, idempotencyKey);
        var job = submitted.job();
        return (submitted.created() ? Response.accepted(JobView.of(job)) : Response.ok(JobView.of(job)))
                .location(location(job.id)).build();
    }

    @GET
    @Path("/{id}")
    @Blocking
    public JobView get(@PathParam("id") String id) {
        return JobView.of(jobs.get(id));
    }

    @GET
    @Path("/{id}/samples")
    @Blocking
    public SamplePage samples(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        GenerationJob job = jobs.get(id);
        List<JobSample> samples = jobs.samples(job, offset, limit).stream().map(s -> new JobSample(s.index(),
                s.subject(), s.status(), s.output(), s.failureReason(), tree(s.provenance()))).toList();
        return new SamplePage(job.id, offset, limit, samples);
    }

    /** Cancels a queued or running job (running items finish; no new chunk starts); 409 once it has ended. */
    @DELETE
    @Path("/{id}")
    @Blocking
    public JobView cancel(@PathParam("id") String id) {
        return JobView.of(jobs.cancel(id));
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
