package dev.longtail.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serialises the work on one campaign across a service's consumers and instances: each locks the
 * campaign's row before it reads or changes that campaign's state, so joins such as "seal when the last
 * decision and the reference are both there" happen exactly once. A service that uses it has a
 * {@code campaign_lock (campaign_id text primary key)} table in its schema.
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
