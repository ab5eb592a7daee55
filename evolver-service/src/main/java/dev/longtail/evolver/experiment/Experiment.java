package dev.longtail.evolver.experiment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A controlled experiment: arms run over random seeds on one seed set, one campaign per (arm, random seed). */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "seed_set_id")
    public String seedSetId;

    public int generations;

    @Column(name = "samples_per_generation")
    public int samplesPerGeneration;

    /** JSON array of the random seeds, in the order the request gave them. */
    @Column(name = "random_seeds")
    public String randomSeeds;

    @Column(name = "created_at")
    public Instant createdAt;
}
