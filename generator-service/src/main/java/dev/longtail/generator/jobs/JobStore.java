package dev.longtail.generator.jobs;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.generation.GenerationOutcome;

/**
 * The jobs' persistence, one short transaction per step, so that progress is visible while a job runs and a
 * job survives the replica that ran it: claiming takes a queued job, or a running one whose lease expired.
 */
@ApplicationScoped
public class JobStore {

    /** One stored sample of a job. */
    public record StoredSample(int index, String subject, String status, String output, String failureReason,
            String provenance) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final GeneratorConfig config;

    public JobStore(EntityManager em, ObjectMapper mapper, GeneratorConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public GenerationJob create(GenerationJob job) {
        job.persist();
        return job;
    }

    @Transactional
    public Optional<GenerationJob> find(UUID id) {
        return GenerationJob.<GenerationJob>findByIdOptional(id).map(this::detach);
    }

    @Transactional
    public Optional<GenerationJob> findByIdempotencyKey(String key) {
        return GenerationJob.<GenerationJob>find("idempotencyKey", key).firstResultOptional().map(this::detach);
    }

    /** Takes the oldest runnable job for this replica (skipping jobs another replica holds) and leases it. */
    @Transactional
    public Optional<UUID> claimNext() {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("""
                UPDATE generation_job SET status = 'RUNNING', lease_until = ?1, started_at = COALESCE(started_at, ?2)
                WHERE id = (SELECT id FROM generation_job
                            WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < ?2)
                            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, UUID.class)
                .setParameter(1, Instant.now().plus(config.jobs().lease()))
                .setParameter(2, Instant.now())
                .getResultList();
        return claimed.stream().findFirst();
    }

    /** Indices already stored: a resumed job skips them. */
    @Transactional
    public Set<Integer> doneIndices(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT item_index FROM generation_job_sample WHERE job_id = ?1")
                .setParameter(1, jobId).getResultList();
        Set<Integer> done = new HashSet<>();
        rows.forEach(r -> done.add(r.intValue()));
        return done;
    }

    /**
     * Stores a chunk of outcomes (indices as given; a repeat is ignored), recounts progress from the stored rows
     * and renews the lease. Returns the job's status, so the runner notices a cancellation.
     */
    @Transactional
    public GenerationJob.Status saveChunk(UUID jobId, List<Integer> indices, List<GenerationOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            GenerationOutcome o = outcomes.get(i);
            String subject = o.item().subject() != null ? o.item().subject()
                    : o.item().examples() == null ? null : String.join("\n", o.item().examples());
            em.createNativeQuery("""
                    INSERT INTO generation_job_sample (job_id, item_index, subject, status, output, failure_reason, provenance)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (job_id, item_index) DO NOTHING
                    """)
                    .setParameter(1, jobId).setParameter(2, indices.get(i)).setParameter(3, subject)
                    .setParameter(4, o.generated() ? "GENERATED" : "FAILED").setParameter(5, o.output())
                    .setParameter(6, o.failureReason()).setParameter(7, json(o.provenance()))
                    .executeUpdate();
        }
        GenerationJob job = em.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        job.generated = count(jobId, "GENERATED");
        job.failed = count(jobId, "FAILED");
        if (job.status == GenerationJob.Status.RUNNING) {
            job.leaseUntil = Instant.now().plus(config.jobs().lease());
        }
        return job.status;
    }

    /** Ends a job unless it already ended (a cancellation wins over the runner's finish). */
    @Transactional
    public void finish(UUID jobId, GenerationJob.Status status, String error) {
        GenerationJob job = em.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status.finished()) {
            return;
        }
        job.status = status;
        job.error = error;
        job.finishedAt = Instant.now();
        job.leaseUntil = null;
    }

    /** Cancels a queued or running job; returns false when it had already ended. */
    @Transactional
    public boolean cancel(UUID jobId) {
        GenerationJob job = em.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job.status.finished()) {
            return false;
        }
        job.status = GenerationJob.Status.CANCELLED;
        job.finishedAt = Instant.now();
        job.leaseUntil = null;
        return true;
    }

    /**
     * Deletes up to {@code limit} samples of jobs that ended before {@code cutoff}; returns how many. The retention
     * empties expired jobs this way before deleting them, so that no transaction holds more than {@code limit} rows
     * however many samples the jobs have (a job can have {@code jobs.max-items}, 10,000 by default). Rows another
     * replica's cleanup holds are skipped.
     */
    @Transactional
    public int deleteSamplesOfJobsFinishedBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                DELETE FROM generation_job_sample s USING (
                    SELECT js.job_id, js.item_index FROM generation_job_sample js
                    JOIN generation_job j ON j.id = js.job_id
                    WHERE j.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND j.finished_at < ?1
                    LIMIT ?2 FOR UPDATE OF js SKIP LOCKED) expired
                WHERE s.job_id = expired.job_id AND s.item_index = expired.item_index
                """).setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }

    /**
     * Deletes up to {@code limit} jobs that ended before {@code cutoff} and have no samples left (see
     * {@link #deleteSamplesOfJobsFinishedBefore}); returns how many. A job that still has samples waits for the
     * next pass, so the foreign key's cascade never adds rows to this transaction: it holds at most {@code limit}.
     */
    @Transactional
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                DELETE FROM generation_job WHERE id IN (
                    SELECT j.id FROM generation_job j
                    WHERE j.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND j.finished_at < ?1
                      AND NOT EXISTS (SELECT 1 FROM generation_job_sample s WHERE s.job_id = j.id)
                    ORDER BY j.finished_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                """).setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }

    @Transactional
    public List<StoredSample> samples(UUID jobId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT item_index, subject, status, output, failure_reason, provenance FROM generation_job_sample
                WHERE job_id = ?1 ORDER BY item_index OFFSET ?2 LIMIT ?3
                """).setParameter(1, jobId).setParameter(2, offset).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new StoredSample(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5])).toList();
    }

    private int count(UUID jobId, String status) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM generation_job_sample WHERE job_id = ?1 AND status = ?2")
                .setParameter(1, jobId).setParameter(2, status).getSingleResult()).intValue();
    }

    private GenerationJob detach(GenerationJob job) {
        em.detach(job);
        return job;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }
}
