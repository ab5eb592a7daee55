package dev.longtail.generator.jobs;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An asynchronous generation: its request, progress and lease (the replica running it renews the lease). */
@Entity
@Table(name = "generation_job")
public class GenerationJob extends PanacheEntityBase {

    /** QUEUED → RUNNING → SUCCEEDED (items may have failed, each with its reason) | FAILED | CANCELLED. */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String backend;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public String template;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(nullable = false, columnDefinition = "text")
    public String request;

    @Column(nullable = false)
    public int total;

    @Column(nullable = false)
    public int generated;

    @Column(nullable = false)
    public int failed;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
