package dev.longtail.evaluator.evaluation;

import dev.longtail.core.feedback.VersionSignals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign's real reference and held-out seeds, with the reference's own (generation-0) metrics. */
@Entity
@Table(name = "campaign_reference")
public class CampaignReference extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;

    public int generations;

    /** JSON array of {@link dev.longtail.contracts.SeedRecord}. */
    @Column(name = "reference_seeds", nullable = false)
    public String referenceSeeds;

    /** JSON array of {@link dev.longtail.contracts.SeedRecord}: read only here, never trained on by the loop. */
    @Column(name = "held_out_seeds", nullable = false)
    public String heldOutSeeds;

    @Embedded
    public MetricColumns measured = new MetricColumns();

    /** JSON of {@link dev.longtail.core.metrics.CollapseMeasurement}: every metric; null for rows stored before V2. */
    @Column(name = "collapse_metrics")
    public String collapseMetrics;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public VersionSignals metrics() {
        return measured.toMetrics();
    }

    public void setMetrics(VersionSignals m) {
        measured = MetricColumns.of(m);
    }
}
