package dev.longtail.curator.version;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.CuratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Which anchor policy each campaign seals its versions with: its own, or the configured default. */
@ApplicationScoped
public class AnchorPolicies {

    private final AnchorPolicy defaultPolicy;

    public AnchorPolicies(CuratorConfig config) {
        this.defaultPolicy = AnchorPolicy.parse(config.anchorPolicy());
    }

    /** The campaign's policy (call inside a transaction). */
    public AnchorPolicy of(String campaignId) {
        CampaignPolicy own = CampaignPolicy.findById(campaignId);
        return own == null ? defaultPolicy : AnchorPolicy.valueOf(own.anchorPolicy);
    }

    public AnchorPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** Sets the campaign's policy for the versions it seals from now on. */
    @Transactional
    public AnchorPolicy set(String campaignId, AnchorPolicy policy) {
        CampaignPolicy own = CampaignPolicy.findById(campaignId);
        if (own == null) {
            own = new CampaignPolicy();
            own.campaignId = campaignId;
            own.anchorPolicy = policy.name();
            own.updatedAt = Instant.now();
            own.persist();
        } else {
            own.anchorPolicy = policy.name();
            own.updatedAt = Instant.now();
        }
        return policy;
    }
}
