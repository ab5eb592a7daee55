package dev.longtail.curator.version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A sealed generation: its decision counts, the plan it ran with, and whether it has been published. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(nullable = false)
    public int generation;

    public int generated;
    public int accepted;
    public int rejected;
    public int failed;

    /** JSON object from rejection reason to count. */
    @Column(name = "rejected_by_reason", nullable = false)
    public String rejectedByReason;

    @Column(name = "anchor_records", nullable = false)
    public int anchorRecords;

    /** Synthetic records in the version: the accepted samples the policy kept (and, accumulating, earlier ones). */
    @Column(name = "synthetic_records", nullable = false)
    public int syntheticRecords;

    /** JSON object from reason to count: accepted samples the policy left out of the version (NOT_SELECTED, ...). */
    @Column(name = "left_out_by_reason", nullable = false)
    public String leftOutByReason = "{}";

    /** How real data entered the version ({@link dev.longtail.core.curation.AnchorPolicy}). */
    @Column(name = "anchor_policy", nullable = false)
    public String anchorPolicy = "RATIO";

    /** JSON of the {@link dev.longtail.contracts.GenerationPlan} of the generation. */
    @Column(nullable = false)
    public String plan;

    @Column(name = "sealed_at", nullable = false)
    public Instant sealedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static Optional<DatasetVersion> of(String campaignId, int generation) {
        return find("campaignId = ?1 and generation = ?2", campaignId, generation).firstResultOptional();
    }

    public static List<DatasetVersion> ofCampaign(String campaignId) {
        return list("campaignId = ?1 order by generation", campaignId);
    }

    /** Versions whose publication has not been confirmed by the broker, oldest first. */
    public static List<UUID> unpublished() {
        return getEntityManager().createQuery(
                        "select v.id from DatasetVersion v where v.publishedAt is null order by v.sealedAt", UUID.class)
                .getResultList();
    }
}
