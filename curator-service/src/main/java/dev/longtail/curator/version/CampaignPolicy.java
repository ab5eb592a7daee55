package dev.longtail.curator.version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An operator's override of a campaign's anchor policy, set through the admin API; it beats the policy of the
 * campaign arm's plan. Campaigns without one use their plan's policy, else the configured default.
 */
@Entity
@Table(name = "campaign_policy")
public class CampaignPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "anchor_policy", nullable = false)
    public String anchorPolicy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
