package dev.longtail.evaluator.evaluation;

import dev.longtail.contracts.GenerationMetrics;
import dev.longtail.contracts.Verdict;
import dev.longtail.core.feedback.VersionSignals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The evaluation of one dataset version: its six metrics, the verdict, its reasons and the adjustments. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dataset_version_id", nullable = false, unique = true)
    public UUID datasetVersionId;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    public int generation;

    @Embedded
    public MetricColumns measured = new MetricColumns();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    /** JSON array of strings. */
    @Column(nullable = false)
    public String reasons;

    /** JSON array of {@link dev.longtail.contracts.Adjustment}. */
    @Column(nullable = false)
    public String adjustments;

    /** JSON of {@link dev.longtail.core.metrics.CollapseMeasurement}: every metric; null for rows stored before V2. */
    @Column(name = "collapse_metrics")
    public String collapseMetrics;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public VersionSignals metrics() {
        return measured.toMetrics();
    }

    public GenerationMetrics generationMetrics() {
        return measured.toGenerationMetrics();
    }

    public void setMetrics(VersionSignals m) {
        measured = MetricColumns.of(m);
    }

    public static Optional<Evaluation> of(String campaignId, int generation) {
        return find("campaignId = ?1 and generation = ?2", campaignId, generation).firstResultOptional();
    }

    public static Optional<Evaluation> ofVersion(UUID datasetVersionId) {
        return find("datasetVersionId", datasetVersionId).firstResultOptional();
    }

    public static List<Evaluation> ofCampaign(String campaignId) {
        return list("campaignId = ?1 order by generation", campaignId);
    }

    /** Each campaign's evaluation of its latest generation. */
    public static List<Evaluation> latestOfEachCampaign() {
        return getEntityManager().createQuery("select e from Evaluation e where e.generation = (select max(x.generation)"
                + " from Evaluation x where x.campaignId = e.campaignId)", Evaluation.class).getResultList();
    }

    public static List<UUID> unpublished() {
        return getEntityManager().createQuery(
                        "select e.id from Evaluation e where e.publishedAt is null order by e.evaluatedAt", UUID.class)
                .getResultList();
    }
}
