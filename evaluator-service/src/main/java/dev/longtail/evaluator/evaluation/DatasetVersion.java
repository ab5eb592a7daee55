package dev.longtail.evaluator.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A sealed dataset version as received from the curator, kept until (and after) it is evaluated. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    public int generation;
    public int generated;
    public int accepted;
    public int rejected;
    public int failed;

    /** JSON object from rejection reason to count. */
    @Column(name = "rejected_by_reason", nullable = false)
    public String rejectedByReason;

    @Column(name = "anchor_records")
    public int anchorRecords;

    @Column(name = "record_count")
    public int recordCount;

    /** JSON of the {@link dev.longtail.contracts.GenerationPlan}. */
    @Column(nullable = false)
    public String plan;

    /** JSON array of {@link dev.longtail.contracts.DatasetRecord}. */
    @Column(nullable = false)
    public String records;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<DatasetVersion> of(String campaignId, int generation) {
        return find("campaignId = ?1 and generation = ?2", campaignId, generation).firstResultOptional();
    }

    /** The campaign's first version (by generation) without an evaluation. */
    public static Optional<DatasetVersion> firstUnevaluated(String campaignId) {
        return getEntityManager().createQuery("select v from DatasetVersion v where v.campaignId = ?1 and not exists "
                        + "(select 1 from Evaluation e where e.datasetVersionId = v.id) order by v.generation",
                        DatasetVersion.class)
                .setParameter(1, campaignId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
