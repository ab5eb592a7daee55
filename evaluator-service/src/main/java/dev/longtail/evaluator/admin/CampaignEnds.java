package dev.longtail.evaluator.admin;

import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.report.CampaignGauges;
import dev.longtail.support.admin.CampaignCaches;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Frees a campaign's in-memory state (its collapse baseline, its gauges) once its last generation is evaluated; the
 * report and the evaluations stay in the database.
 */
@ApplicationScoped
public class CampaignEnds {

    private final CampaignCaches caches;

    public CampaignEnds(CampaignCaches caches) {
        this.caches = caches;
    }

    /** After an evaluation's commit: evicts its campaign when it was the campaign's last generation. */
    public void afterEvaluation(UUID evaluationId) {
        caches.evictIfEnded(() -> {
            Evaluation e = Evaluation.findById(evaluationId);
            return e != null && CampaignGauges.endedWith(e) ? e.campaignId : null;
        }, "evaluation " + evaluationId);
    }
}
