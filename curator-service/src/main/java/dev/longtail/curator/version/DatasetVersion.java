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

    /** Where the policy came from: ADMIN (override), PLAN (the arm's plan) or CONFIG; null before it was recorded. */
    @Column(name = "anchor_policy_source")
    public String anchorPolicySource;

    /** The keep share in force (tail-preserving versions only). */
    @Column(name = "keep_share")
    public Double keepShare;

    /** The carry-over cap in force (tail-preserving versions only). */
    @Column(name = "carry_over")
    public Double carryOver;

    /** The fixed token budget in force (versions of a policy that spends one: not accumulate). */
    @Column(name = "token_budget")
    public Integer tokenBudget;

    /** Synthetic records carried over from the previous version (part of {@link #syntheticRecords}). */
    @Column(name = "carried_records", nullable = false)
    public int carriedRecords;

    /** Tokens of the synthetic records (carried ones included), as the selection counts them. */
    @Column(name = "synthetic_tokens")
    public Long syntheticTokens;

    /** Tokens of the carried records. */
    @Column(name = "carried_tokens")
    public Long carriedTokens;

    /** Tokens of the real anchors. */
    @Column(name = "anchor_tokens")
    public Long anchorTokens;

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

    /** The campaign's latest version before generation g: the one a tail-preserving version carries records from. */
    public static Optional<DatasetVersion> before(String campaignId, int generation) {
        return find("campaignId = ?1 and generation < ?2 order by generation desc", campaignId, generation)
                .firstResultOptional();
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
