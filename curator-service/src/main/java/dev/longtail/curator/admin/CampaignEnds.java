package dev.longtail.curator.admin;

import dev.longtail.curator.decision.CampaignReference;
import dev.longtail.curator.version.DatasetVersion;
import dev.longtail.support.admin.CampaignCaches;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Frees a campaign's in-memory state once the curator has sealed its last generation: a later sample of the campaign
 * (a redelivery) rebuilds what it needs from the database.
 */
@ApplicationScoped
public class CampaignEnds {

    private final CampaignCaches caches;

    public CampaignEnds(CampaignCaches caches) {
        this.caches = caches;
    }

    /** After a version's commit: evicts its campaign when it was the campaign's last generation. */
    public void afterSeal(UUID versionId) {
        caches.evictIfEnded(() -> {
            DatasetVersion version = DatasetVersion.findById(versionId);
            CampaignReference reference = version == null ? null : CampaignReference.findById(version.campaignId);
            boolean last = reference != null && reference.generations != null && version.generation >= reference.generations;
            return last ? version.campaignId : null;
        }, "version " + versionId + " sealed");
    }
}
