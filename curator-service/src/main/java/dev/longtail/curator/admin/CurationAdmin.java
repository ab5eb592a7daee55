package dev.longtail.curator.admin;

import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.curator.decision.CurationSettings;
import dev.longtail.curator.decision.SampleDecision;
import dev.longtail.curator.version.AnchorPolicies;
import dev.longtail.support.Ids;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;
import dev.longtail.support.admin.AdminAudit;
import dev.longtail.support.admin.RuntimeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Run-time changes to the curator: the filter chain's thresholds (validated as a whole: a bad value is a 400 and
 * changes nothing; stored as runtime configuration, so every replica uses them) and each campaign's anchor policy
 * override (stored in {@code campaign_policy}). Every change is audited ({@code GET /admin/config/audit}).
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
    private final AnchorPolicies policies;
    private final JsonColumns json;
    private final RuntimeConfig config;
    private final AdminAudit audit;

    public CurationAdmin(CurationSettings settings, AnchorPolicies policies, JsonColumns json, RuntimeConfig config,
            AdminAudit audit) {
        this.settings = settings;
        this.policies = policies;
        this.json = json;
        this.config = config;
        this.audit = audit;
    }

    /** The thresholds as they stand now. */
    public Map<String, Object> thresholds() {
        return settings.view();
    }

    /**
     * Changes the given thresholds only (the others keep their values), stored and audited as runtime configuration;
     * 400 naming the key for an unknown key or a bad value.
     */
    public Map<String, Object> changeThresholds(Map<String, Object> changes, String actor) {
        if (changes != null) {
            var unknown = new TreeSet<>(changes.keySet());
            unknown.removeAll(settings.startupView().keySet());
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("unknown thresholds " + unknown + "; known: "
                        + new TreeSet<>(settings.startupView().keySet()),
                        unknown.stream().map(k -> new Problem.Violation(k, null, "is not a threshold")).toList());
            }
        }
        config.change(changes, actor);
        LOG.infof("curation thresholds changed by %s: %s", actor, changes);
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
    public PolicyView setAnchorPolicy(String id, String name, String actor) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        AnchorPolicy policy;
        try {
            policy = AnchorPolicy.parse(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            String before = anchorPolicy(campaignId).anchorPolicy();
            policies.set(campaignId, policy);
            audit.record(actor, RuntimeConfig.CHANGE, overrideKey(campaignId), before, policy.name());
        });
        LOG.infof("campaign %s: anchor policy overridden with %s by %s", campaignId, policy, actor);
        return view(campaignId, new AnchorPolicies.Chosen(policy, AnchorPolicies.Source.ADMIN));
    }

    /** Withdraws the override: the campaign's versions follow its plan (or the default) again. */
    public PolicyView clearAnchorPolicy(String id, String actor) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        boolean cleared = QuarkusTransaction.requiringNew().call(() -> {
            String before = anchorPolicy(campaignId).anchorPolicy();
            if (!policies.clear(campaignId)) {
                return false;
            }
            audit.record(actor, RuntimeConfig.CHANGE, overrideKey(campaignId), before, null);
            return true;
        });
        if (cleared) {
            LOG.infof("campaign %s: anchor policy override withdrawn by %s", campaignId, actor);
        }
        return anchorPolicy(campaignId);
    }

    /** The audit log's key of a campaign's override (an override lives in {@code campaign_policy}, not in config). */
    private static String overrideKey(String campaignId) {
        return "campaigns/" + campaignId + "/anchorPolicy";
    }

    private static PolicyView view(String campaignId, AnchorPolicies.Chosen chosen) {
        return new PolicyView(campaignId, chosen.policy().name(), chosen.source().name());
    }
}
