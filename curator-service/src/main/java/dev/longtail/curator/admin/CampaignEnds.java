package dev.longtail.curator.admin;

import dev.longtail.curator.decision.CampaignReference;
import dev.longtail.curator.version.DatasetVersion;
import dev.longtail.support.admin.CampaignCaches;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Frees a campaign's in-memory state once the curator has sealed its last generation: a later sample of the campaign
 * (a redelivery) rebuilds what it needs from the database.
 */
@ApplicationScoped
public class CampaignEnds {

    private static final Logger LOG = Logger.getLogger(CampaignEnds.class);

    private final CampaignCaches caches;

    public CampaignEnds(CampaignCaches caches) {
        this.caches = caches;
    }

    /** After a version's commit: evicts its campaign when it was the campaign's last generation. */
    public void afterSeal(UUID versionId) {
        try {
            String ended = QuarkusTransaction.requiringNew().call(() -> {
                DatasetVersion version = DatasetVersion.findById(versionId);
                if (version == null) {
                    return null;
                }
                CampaignReference reference = CampaignReference.findById(version.campaignId);
                boolean last = reference != null && reference.generations != null
                        && version.generation >= reference.generations;
                return last ? version.campaignId : null;
            });
            if (ended != null) {
                LOG.infof("campaign %s sealed its last generation; its caches are freed: %s", ended, caches.evict(ended));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "caches of the campaign of version %s not freed", versionId);
        }
    }
}
