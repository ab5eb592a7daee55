package dev.longtail.curator.version;

import dev.longtail.contracts.CurationPolicy;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.CuratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Which anchor policy each campaign seals its versions with: an operator's override (admin API) wins, else the arm's
 * policy in the generation's plan, else the configured default.
 */
@ApplicationScoped
public class AnchorPolicies {

    /** Where a version's policy came from. */
    public enum Source {
        /** {@code PUT /admin/campaigns/{id}/anchor-policy}: an operator's explicit override. */
        ADMIN,
        /** The campaign arm's {@code plan.curation.anchorPolicy}. */
        PLAN,
        /** {@code longtail.curator.anchor-policy}. */
        CONFIG
    }

    /** A policy and where it came from. */
    public record Chosen(AnchorPolicy policy, Source source) {
    }

    private final AnchorPolicy defaultPolicy;

    public AnchorPolicies(CuratorConfig config) {
        this.defaultPolicy = AnchorPolicy.parse(config.anchorPolicy());
    }

    /**
     * The policy a version of the campaign is sealed with under this plan's curation policy (null: no plan known);
     * call inside a transaction. The plan's name was validated when its sample arrived.
     */
    public Chosen of(String campaignId, CurationPolicy plan) {
        CampaignPolicy own = CampaignPolicy.findById(campaignId);
        if (own != null) {
            return new Chosen(AnchorPolicy.valueOf(own.anchorPolicy), Source.ADMIN);
        }
        if (plan != null && plan.anchorPolicy() != null) {
            return new Chosen(AnchorPolicy.parse(plan.anchorPolicy()), Source.PLAN);
        }
        return new Chosen(defaultPolicy, Source.CONFIG);
    }

    public AnchorPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** Sets the campaign's override for the versions it seals from now on. */
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

    /** Withdraws the campaign's override: its versions follow the plan (or the default) again. */
    @Transactional
    public boolean clear(String campaignId) {
        return CampaignPolicy.deleteById(campaignId);
    }
}
