package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Resumes every RUNNING campaign from the database when the evolver starts: one whose current generation is complete
 * with nothing after it (the evolver stopped between the two) gets its next generation started, or is completed.
 * What a crash left unpublished goes out with the publish sweep; records the evolver had not yet processed are
 * redelivered by Kafka (offsets are committed after processing) and recorded idempotently.
 */
@ApplicationScoped
public class CampaignRecovery {

    private static final Logger LOG = Logger.getLogger(CampaignRecovery.class);

    private final GenerationLoop loop;

    public CampaignRecovery(GenerationLoop loop) {
        this.loop = loop;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> started = resumeAll();
        if (!started.isEmpty()) {
            LOG.infof("Resumed on start: %s (published by the sweep)", started);
        }
    }

    /** Drives every RUNNING campaign, each in its own transaction; the generations it started, as "campaign g". */
    public List<String> resumeAll() {
        List<String> started = new ArrayList<>();
        for (UUID id : running()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> Campaign.lock(id)
                        .flatMap(loop::drive).ifPresent(g -> started.add(id + " generation " + g)));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not resume campaign %s on start; its next record will drive it", id);
            }
        }
        return started;
    }

    private static List<UUID> running() {
        return QuarkusTransaction.requiringNew().call(() -> Campaign.getEntityManager()
                .createQuery("select c.id from Campaign c where c.status = ?1", UUID.class)
                .setParameter(1, CampaignStatus.RUNNING).getResultList());
    }
}
