package dev.longtail.support.admin;

import dev.longtail.support.Ids;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code /admin/caches}: how many campaigns each per-campaign cache holds, and eviction of one campaign. */
@Path("/admin/caches")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

    /** What an eviction freed: per cache, whether it held the campaign; and the sizes afterwards. */
    public record Eviction(String campaignId, Map<String, Boolean> evicted, Map<String, Integer> sizes) {
    }

    private final CampaignCaches caches;

    public CacheResource(CampaignCaches caches) {
        this.caches = caches;
    }

    @GET
    public Map<String, Integer> sizes() {
        return caches.sizes();
    }

    @POST
    @Path("/evict")
    public Eviction evict(@QueryParam("campaign") String campaign) {
        String id = Ids.uuid(campaign == null ? "" : campaign, "campaign").toString();
        return new Eviction(id, caches.evict(id), caches.sizes());
    }
}
