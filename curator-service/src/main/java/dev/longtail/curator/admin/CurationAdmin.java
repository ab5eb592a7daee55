package dev.longtail.curator.admin;

import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.curator.decision.CurationSettings;
import dev.longtail.curator.decision.SampleDecision;
import dev.longtail.curator.version.AnchorPolicies;
import dev.longtail.support.Ids;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Run-time changes to the curator: the filter chain's thresholds (validated as a whole: a bad value is a 400 and
 * changes nothing) and each campaign's anchor policy override.
 */
@ApplicationScoped
public class CurationAdmin {

    private static final Logger LOG = Logger.getLogger(CurationAdmin.class);

    /**
     * A campaign's anchor policy and where it comes from: {@code ADMIN} (the override), {@code PLAN} (the arm's policy
     * in its latest plan) or {@code CONFIG}.
     */
    public record PolicyView(String campaignId, String anchorPolicy, String source) {
    }

    private final CurationSettings settings;
    private final CurationSessions sessions;
    private final AnchorPolicies policies;
    private final JsonColumns json;

    public CurationAdmin(CurationSettings settings, CurationSessions sessions, AnchorPolicies policies,
            JsonColumns json) {
        this.settings = settings;
        this.sessions = sessions;
        this.policies = policies;
        this.json = json;
    }

    /** The thresholds as they stand now. */
    public Map<String, Object> thresholds() {
        return settings.view();
    }

    /** Changes the given thresholds only (the others keep their values); 400 with the reason for a bad value. */
    public Map<String, Object> changeThresholds(Map<String, Object> changes) {
        var before = settings.current().filters();
        try {
            var after = settings.update(changes).filters();
            if (!after.sameHashing(before)) {
                // signatures of cached campaigns no longer compare with new ones: rebuild them from the database
                sessions.forgetAll();
            }
            LOG.infof("curation thresholds changed: %s", changes);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return settings.view();
    }

    /** The policy the campaign's next version is sealed with: the override, else its latest plan's, else the default. */
    @Transactional
    public PolicyView anchorPolicy(String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        SampleDecision latest = SampleDecision.find("campaignId = ?1 order by generation desc", campaignId).firstResult();
        GenerationPlan plan = latest == null ? null : json.read(latest.plan, GenerationPlan.class);
        return view(campaignId, policies.of(campaignId, plan == null ? null : plan.curation()));
    }

    /** Overrides the policy of the versions the campaign seals from now on; 400 for an unknown policy name. */
    public PolicyView setAnchorPolicy(String id, String name) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        AnchorPolicy policy;
        try {
            policy = AnchorPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        policies.set(campaignId, policy);
        LOG.infof("campaign %s: anchor policy overridden with %s", campaignId, policy);
        return view(campaignId, new AnchorPolicies.Chosen(policy, AnchorPolicies.Source.ADMIN));
    }

    /** Withdraws the override: the campaign's versions follow its plan (or the default) again. */
    public PolicyView clearAnchorPolicy(String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        if (policies.clear(campaignId)) {
            LOG.infof("campaign %s: anchor policy override withdrawn", campaignId);
        }
        return anchorPolicy(campaignId);
    }

    private static PolicyView view(String campaignId, AnchorPolicies.Chosen chosen) {
        return new PolicyView(campaignId, chosen.policy().name(), chosen.source().name());
    }
}
