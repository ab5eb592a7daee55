package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.TrainingText;
import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.seedset.SeedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A seed in a campaign's pool with its lineage: a real reference seed (generation 0), a held-out seed, or an
 * evolved seed whose output is set once the curator accepts its sample.
 */
@Entity
@Table(name = "pool_seed")
public class PoolSeed extends PanacheEntityBase {

    /** Real, human-written, or made by an evolution operator. */
    public enum Origin {
        REAL,
        EVOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long pk;

    @Column(name = "campaign_id")
    public UUID campaignId;

    public int generation;
    public int ordinal;

    @Column(name = "parent_id")
    public String parentId;

    public String operator;
    public String kind;

    @Embedded
    public SeedText text;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Column(name = "held_out")
    public boolean heldOut;

    /** The prompt template version of an LLM-form operator; null for a rule-based one. */
    @Column(name = "template_version")
    public String templateVersion;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** The curator accepted this evolved seed's sample: it gets that output and joins the pool. */
    void accept(String output, Instant at) {
        text = text.withOutput(output);
        acceptedAt = at;
    }

    public Seed toSeed() {
        return text.toSeed();
    }

    public SeedRecord toSeedRecord() {
        return new SeedRecord(text.seedId(), text.category(), text.instruction(), text.input(), text.output());
    }

    public EvolvedSeed toEvolvedSeed() {
        return new EvolvedSeed(text.seedId(), parentId, operator, text.category(), text.instruction(), text.input());
    }

    public TrainingText toTrainingText() {
        return new TrainingText(text.instruction(), text.input(), text.output());
    }

    /** The real seeds the loop may train on and anchor with, in split order. */
    public static List<PoolSeed> reference(UUID campaignId) {
        return list("campaignId = ?1 and origin = ?2 and heldOut = false order by ordinal", campaignId, Origin.REAL);
    }

    /** The real seeds only the evaluator reads. */
    public static List<PoolSeed> heldOut(UUID campaignId) {
        return list("campaignId = ?1 and heldOut = true order by ordinal", campaignId);
    }

    /** The seeds evolved for one generation, in the order evolution made them. */
    public static List<PoolSeed> evolved(UUID campaignId, int generation) {
        return list("campaignId = ?1 and origin = ?2 and generation = ?3 order by ordinal", campaignId,
                Origin.EVOLVED, generation);
    }

    /** Evolved seeds of generations before {@code generation} whose sample the curator accepted: that one's pool. */
    public static List<PoolSeed> acceptedEvolvedBefore(UUID campaignId, int generation) {
        return list("campaignId = ?1 and origin = ?2 and text.output is not null and generation < ?3"
                + " order by generation, ordinal", campaignId, Origin.EVOLVED, generation);
    }
}
