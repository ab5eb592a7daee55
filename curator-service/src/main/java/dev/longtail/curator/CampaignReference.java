package dev.longtail.curator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign's real reference seeds as received: the pool the anchors of every dataset version come from. */
@Entity
@Table(name = "campaign_reference")
public class CampaignReference extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    /** JSON array of {@link dev.longtail.contracts.SeedRecord}. */
    @Column(name = "reference_seeds", nullable = false)
    public String referenceSeeds;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
