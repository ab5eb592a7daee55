package dev.longtail.curator.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A campaign's real reference seeds as received: the pool the anchors of every dataset version come from. With the
 * decisions, it is what makes a campaign known to the curator's APIs.
 */
@Entity
@Table(name = "campaign_reference")
public class CampaignReference extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    /** JSON array of {@link dev.longtail.contracts.SeedRecord}. */
    @Column(name = "reference_seeds", nullable = false)
    public String referenceSeeds;

    /** How many generations the campaign runs (null: not announced); its last version ends it here. */
    @Column(name = "generations")
    public Integer generations;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Whether the curator has heard of the campaign: its reference or a decision on one of its samples is stored. */
    public static boolean known(String campaignId) {
        return findById(campaignId) != null || SampleDecision.count("campaignId", campaignId) > 0;
    }
}
