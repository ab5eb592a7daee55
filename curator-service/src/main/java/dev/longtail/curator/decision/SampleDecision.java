package dev.longtail.curator.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** The curator's decision on one sample, with the sample itself and the evidence (stage, score, threshold). */
@Entity
@Table(name = "decision")
public class SampleDecision extends PanacheEntityBase {

    /** What became of a sample. */
    public enum Status { ACCEPTED, REJECTED, FAILED }

    /** Stage recorded for a sample the generator could not produce. */
    public static final String STAGE_GENERATION = "generation";

    @Id
    @Column(name = "sample_id")
    public String sampleId;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(nullable = false)
    public int generation;

    @Column(name = "generation_size", nullable = false)
    public int generationSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String reason;
    public String stage;
    public Double score;
    public Double threshold;

    @Column(name = "seed_id")
    public String seedId;

    @Column(name = "parent_seed_id")
    public String parentSeedId;

    public String operator;
    public String category;
    public String instruction;
    public String input;
    public String output;
    public String fingerprint;

    /** The accepted sample a duplicate-stage rejection points at. */
    @Column(name = "duplicate_of")
    public String duplicateOf;

    /** JSON object from stage name to score, for every novelty stage that ran. */
    public String scores;

    /** JSON of {@link dev.longtail.contracts.Provenance}, null for failed samples without one. */
    public String provenance;

    /** JSON of the {@link dev.longtail.contracts.GenerationPlan} the sample was made and judged with. */
    @Column(nullable = false)
    public String plan;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The decisions of one generation, in sample-id order so that sealing is deterministic. */
    public static List<SampleDecision> ofGeneration(String campaignId, int generation) {
        return list("campaignId = ?1 and generation = ?2 order by sampleId", campaignId, generation);
    }

    /** Generations of a campaign that have decisions but no dataset version yet. */
    public static List<Integer> unsealedGenerations(String campaignId) {
        return getEntityManager().createQuery(
                        "select distinct d.generation from SampleDecision d where d.campaignId = ?1 and not exists "
                                + "(select 1 from DatasetVersion v where v.campaignId = d.campaignId "
                                + "and v.generation = d.generation) order by d.generation", Integer.class)
                .setParameter(1, campaignId)
                .getResultList();
    }
}
