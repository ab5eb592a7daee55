package dev.longtail.generator.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.generation.GenerateRequest;
import dev.longtail.generator.generation.GenerationPlanner;
import dev.longtail.support.ProblemException;

/**
 * Generation jobs as the API sees them: a validated request queued as a job (once per {@code Idempotency-Key}, for as
 * long as the job exists), a job by id (404 when there is none), its stored samples, and its cancellation (409 once it
 * has ended). Every step is one short transaction of the {@link JobStore}.
 */
@ApplicationScoped
public class GenerationJobService {

    /** The job a submission queued, or found under its idempotency key ({@code created} false). */
    public record Submitted(GenerationJob job, boolean created) {
    }

    private final JobStore store;
    private final GenerationPlanner planner;
    private final ObjectMapper mapper;
    private final GeneratorConfig config;

    public GenerationJobService(JobStore store, GenerationPlanner planner, ObjectMapper mapper, GeneratorConfig config) {
        this.store = store;
        this.planner = planner;
        this.mapper = mapper;
        this.config = config;
    }

    /** Queues the request as a job, or returns the job an earlier submission with the same key created. */
    public Submitted submit(GenerateRequest request, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null) {
            var existing = store.findByIdempotencyKey(key);
            if (existing.isPresent()) {
                return new Submitted(existing.get(), false);
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
        job.request = json(pinned(request, plan));
        job.total = plan.items().size();
        job.idempotencyKey = key;
        job.createdAt = Instant.now();
        return new Submitted(store.create(job), true);
    }

    /** The job; 404 when the id is no job's (or no UUID at all). */
    public GenerationJob get(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("generation job", id);
        }
        return store.find(uuid).orElseThrow(() -> ProblemException.notFound("generation job", id));
    }

    /** A page of the job's stored samples, in item order. */
    public List<JobStore.StoredSample> samples(GenerationJob job, int offset, int limit) {
        return store.samples(job.id, offset, limit);
    }

    /** Cancels a queued or running job (running items finish; no new chunk starts); 409 once it has ended. */
    public GenerationJob cancel(String id) {
        GenerationJob job = get(id);
        if (!store.cancel(job.id)) {
            throw ProblemException.conflict("Job " + id + " has already ended (" + job.status + ")");
        }
        return store.find(job.id).orElseThrow();
    }

    /** The stored request names its backend and template version, so that a later config change cannot alter it. */
    private static GenerateRequest pinned(GenerateRequest r, GenerationPlanner.Plan plan) {
        return new GenerateRequest(plan.backend().name(), plan.mode(), plan.template().version(), r.campaignId(),
                r.trainingCorpus(), r.instructions(), r.texts(), r.humanSeeds(), r.machineSeeds(), r.count(),
                r.logprobs(), r.sampling());
    }

    private String json(GenerateRequest request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a job's request", e);
        }
    }
}
