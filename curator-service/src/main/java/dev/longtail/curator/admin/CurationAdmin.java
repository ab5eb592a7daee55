package dev.longtail.curator.admin;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.curator.decision.CurationSettings;
import dev.longtail.curator.version.AnchorPolicies;
import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Run-time changes to the curator: the filter chain's thresholds (validated as a whole: a bad value is a 400 and
 * changes nothing) and each campaign's anchor policy.
 */
@ApplicationScoped
public class CurationAdmin {

    private static final Logger LOG = Logger.getLogger(CurationAdmin.class);

    /** A campaign's anchor policy. */
    public record PolicyView(String campaignId, String anchorPolicy) {
    }

    private final CurationSettings settings;
    private final CurationSessions sessions;
    private final AnchorPolicies policies;

    public CurationAdmin(CurationSettings settings, CurationSessions sessions, AnchorPolicies policies) {
        this.settings = settings;
        this.sessions = sessions;
        this.policies = policies;
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

    /** The policy the campaign's versions are sealed with: its own or the default. */
    @Transactional
    public PolicyView anchorPolicy(String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        return new PolicyView(campaignId, policies.of(campaignId).name());
    }

    /** Sets the policy of the versions the campaign seals from now on; 400 for an unknown policy name. */
    public PolicyView setAnchorPolicy(String id, String name) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        AnchorPolicy policy;
        try {
            policy = AnchorPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return new PolicyView(campaignId, policies.set(campaignId, policy).name());
    }
}
