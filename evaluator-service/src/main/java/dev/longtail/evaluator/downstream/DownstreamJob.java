package dev.longtail.evaluator.downstream;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Kubernetes Job that evaluates a model on one dataset version downstream, and what became of it. */
@Entity
@Table(name = "downstream_job")
public class DownstreamJob extends PanacheEntityBase {

    /** SUBMITTED until the job succeeds, fails (or cannot be submitted) or outlives its timeout. */
    public enum Status { SUBMITTED, SUCCEEDED, FAILED, TIMED_OUT }

    @Id
    public UUID id;

    @Column(name = "evaluation_id", nullable = false, unique = true)
    public UUID evaluationId;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    public int generation;

    @Column(nullable = false)
    public String namespace;

    @Column(name = "job_name", nullable = false)
    public String jobName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Why it failed or timed out; what Kubernetes said. */
    public String detail;

    /** JSON object of numbers the job reported (its termination message). */
    public String result;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static Optional<DownstreamJob> ofEvaluation(UUID evaluationId) {
        return find("evaluationId", evaluationId).firstResultOptional();
    }

    public static List<DownstreamJob> open() {
        return list("status = ?1 order by submittedAt", Status.SUBMITTED);
    }
}
