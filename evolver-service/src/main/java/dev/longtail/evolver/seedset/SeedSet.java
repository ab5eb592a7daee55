package dev.longtail.evolver.seedset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named collection of real seeds; campaigns split one into reference and held-out seeds. */
@Entity
@Table(name = "seed_set")
public class SeedSet extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
