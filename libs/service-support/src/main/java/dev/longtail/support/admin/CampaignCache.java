package dev.longtail.support.admin;

/**
 * An in-memory cache that holds state per campaign, which {@code POST /admin/caches/evict?campaign=ID} and the end of
 * a campaign free. Evicting is always safe: a cache rebuilds what it needs from the database on its next miss.
 */
public interface CampaignCache {

    /** The cache's name in answers and logs. */
    String name();

    /** Frees the campaign's entries; true when there were any. */
    boolean evict(String campaignId);

    /** How many campaigns the cache holds now. */
    int size();
}
