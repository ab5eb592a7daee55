package dev.longtail.evaluator.admin;

import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.report.CampaignGauges;
import dev.longtail.support.admin.CampaignCaches;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Frees a campaign's in-memory state (its collapse baseline, its gauges) once its last generation is evaluated; the
 * report and the evaluations stay in the database.
 */
@ApplicationScoped
public class CampaignEnds {

    private static final Logger LOG = Logger.getLogger(CampaignEnds.class);

    private final CampaignCaches caches;

    public CampaignEnds(CampaignCaches caches) {
        this.caches = caches;
    }

    /** After an evaluation's commit: evicts its campaign when it was the campaign's last generation. */
    public void afterEvaluation(UUID evaluationId) {
        try {
            String ended = QuarkusTransaction.requiringNew().call(() -> {
                Evaluation e = Evaluation.findById(evaluationId);
                return e != null && CampaignGauges.endedWith(e) ? e.campaignId : null;
            });
            if (ended != null) {
                LOG.infof("campaign %s evaluated its last generation; its caches are freed: %s", ended, caches.evict(ended));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "caches of the campaign of evaluation %s not freed", evaluationId);
        }
    }
}
