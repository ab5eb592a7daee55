package dev.longtail.support.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Every {@link CampaignCache} of the service: evicts a campaign from all of them (by request or when it ends). */
@ApplicationScoped
public class CampaignCaches {

    private static final Logger LOG = Logger.getLogger(CampaignCaches.class);

    private final Instance<CampaignCache> caches;

    public CampaignCaches(Instance<CampaignCache> caches) {
        this.caches = caches;
    }

    /** Evicts the campaign from every cache; per cache, whether it held anything. */
    public Map<String, Boolean> evict(String campaignId) {
        Map<String, Boolean> evicted = new TreeMap<>();
        for (CampaignCache cache : caches) {
            evicted.put(cache.name(), cache.evict(campaignId));
        }
        LOG.debugf("campaign %s evicted from caches: %s", campaignId, evicted);
        return evicted;
    }

    /**
     * After a commit that may have ended a campaign: {@code endedCampaign} (run in a transaction of its own) names
     * the campaign that has ended, or null; that campaign is evicted. A failure is logged, never thrown: freeing
     * memory must not fail the record that ended the campaign.
     */
    public void evictIfEnded(Supplier<String> endedCampaign, Object cause) {
        try {
            String ended = QuarkusTransaction.requiringNew().call(endedCampaign::get);
            if (ended != null) {
                LOG.infof("campaign %s has ended (%s); its caches are freed: %s", ended, cause, evict(ended));
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "caches not freed after %s", cause);
        }
    }

    /** Per cache, how many campaigns it holds. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        caches.forEach(c -> sizes.put(c.name(), c.size()));
        return sizes;
    }
}
