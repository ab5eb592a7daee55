package dev.longtail.evolver.experiment;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One arm of an experiment: its name, its place in the request, and its settings with every default filled in. */
@Entity
@Table(name = "experiment_arm")
public class ExperimentArm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "experiment_id")
    public UUID experimentId;

    public int position;

    public String name;

    @Embedded
    public ArmSettings settings;

    /** How the arm's campaigns evolve. */
    @Embedded
    public EvolutionSettings evolution;

    /** The experiment's arms in the order the request gave them (the first is the control). */
    public static List<ExperimentArm> of(UUID experimentId) {
        return list("experimentId = ?1 order by position", experimentId);
    }
}
