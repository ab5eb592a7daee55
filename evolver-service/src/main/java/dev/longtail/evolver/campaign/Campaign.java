package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import dev.longtail.core.random.SeedMixer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One closed-loop run over a seed set with one arm's settings; its row is the lock that serialises the campaign's
 * consumers.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "seed_set_id")
    public String seedSetId;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    public int generations;

    @Column(name = "samples_per_generation")
    public int samplesPerGeneration;

    @Column(name = "random_seed")
    public long randomSeed;

    @Column(name = "current_generation")
    public int currentGeneration;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_published_at")
    public Instant startedPublishedAt;

    /** The arm's settings, fixed at creation, every one filled in. */
    @Embedded
    public ArmSettings arm;

    /** How the campaign evolves, fixed at creation; null for campaigns from before operator sets. */
    @Embedded
    public EvolutionSettings evolution;

    /** The experiment this campaign is one arm run of (with its random seed); null for a campaign of its own. */
    @Column(name = "experiment_id")
    public UUID experimentId;

    /** The arm's name within its experiment; null for a campaign of its own. */
    @Column(name = "arm_name")
    public String armName;

    /** The generation whose evolution failed, for a FAILED campaign (its retry target); null otherwise. */
    @Column(name = "failed_generation")
    public Integer failedGeneration;

    /** How many times a failed generation was retried; each retry evolves with a fresh random seed. */
    public int retries;

    /** The campaign this one was forked from, and the generation whose pool it started from; null otherwise. */
    @Column(name = "forked_from")
    public UUID forkedFrom;

    @Column(name = "forked_at_generation")
    public Integer forkedAtGeneration;

    /** The generator backend the campaign chose at creation (null: the generator's default). */
    public String backend;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** How the campaign evolves: its settings, or the two rules of before for a campaign from before them. */
    public EvolutionSettings evolutionSettings() {
        return evolution == null || evolution.operatorNames() == null ? EvolutionSettings.BEFORE_OPERATOR_SETS : evolution;
    }

    /** The campaign, locked until the end of the transaction. */
    public static Optional<Campaign> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Generation {@code generation} could not be started: the campaign stops there until it is retried. */
    void fail(int generation, String reason) {
        moveTo(CampaignStatus.FAILED);
        failureReason = reason;
        failedGeneration = generation;
    }

    /**
     * Generation g's evolution random seed: derived from the campaign's random seed alone, so a replay is exact; a
     * retried generation draws from a fresh one per retry (the same seed would fail the same way).
     */
    long evolutionSeed(int generation) {
        String purpose = retries == 0 ? GenerationStarter.EVOLUTION : GenerationStarter.EVOLUTION + "-retry-" + retries;
        return SeedMixer.derive(randomSeed, purpose, generation);
    }

    void moveTo(CampaignStatus next) {
        status = next;
        statusChangedAt = Instant.now();
    }
}
