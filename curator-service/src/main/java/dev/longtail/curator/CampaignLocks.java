package dev.longtail.curator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serialises the work on one campaign: both consumers (and every instance of the service) lock the
 * campaign's row before they read or change its decisions and versions, so a generation is sealed once.
 */
@ApplicationScoped
public class CampaignLocks {

    private final EntityManager em;

    public CampaignLocks(EntityManager em) {
        this.em = em;
    }

    /** Locks the campaign until the current transaction ends, creating its lock row on first use. */
    public void lock(String campaignId) {
        em.createNativeQuery("INSERT INTO campaign_lock (campaign_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, campaignId)
                .executeUpdate();
        em.createNativeQuery("SELECT campaign_id FROM campaign_lock WHERE campaign_id = ?1 FOR UPDATE")
                .setParameter(1, campaignId)
                .getSingleResult();
    }
}
