package dev.longtail.evolver.seedset;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One real seed of a seed set, in upload order. */
@Entity
@Table(name = "seed_set_seed")
public class SeedSetSeed extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "seed_set_id")
    public String seedSetId;

    public int position;

    @Embedded
    public SeedText text;

    /** The seeds of a set in upload order. */
    public static List<SeedSetSeed> ofSet(String seedSetId) {
        return list("seedSetId = ?1 order by position", seedSetId);
    }
}
