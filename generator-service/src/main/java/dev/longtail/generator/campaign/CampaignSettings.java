package dev.longtail.generator.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A campaign's backend and response-template version for the Kafka loop. */
@Entity
@Table(name = "campaign_settings")
public class CampaignSettings extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    @Column(nullable = false)
    public String backend;

    @Column(name = "template_version")
    public Integer templateVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
