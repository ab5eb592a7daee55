package dev.longtail.curator.version;

import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.VersionBudget;
import dev.longtail.curator.CuratorConfig;
import dev.longtail.curator.decision.CurationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;

/**
 * The campaign arm's settings a version is sealed with, each from the first place that sets it: the anchor policy
 * from {@link AnchorPolicies} (admin override, plan, configuration); the keep share from the plan, else the runtime
 * {@code selectionKeepShare}; the carry-over from the plan, else {@code selection.carry-over}; the token budget from
 * the plan, else none; the anchor ratio from the plan.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // a bad selection.carry-over fails the start, not the first seal
public class VersionArms {

    /** The settings in force for one version. */
    public record Arm(AnchorPolicy policy, AnchorPolicies.Source policySource, VersionBudget budget) {

        /** The keep share, where the policy uses one (tail-preserving); else null. */
        public Double keepShareInForce() {
            return policy == AnchorPolicy.TAIL_PRESERVING ? budget.keepShare() : null;
        }

        /** The carry-over, where the policy uses one (tail-preserving); else null. */
        public Double carryOverInForce() {
            return policy == AnchorPolicy.TAIL_PRESERVING ? budget.carryOver() : null;
        }

        /** The fixed token budget, where one is set and the policy spends it (not accumulate); else null. */
        public Integer tokenBudgetInForce() {
            return budget.tokenBudget().isPresent() && VersionComposer.spendsTokenBudget(policy)
                    ? Math.toIntExact(budget.tokenBudget().getAsLong()) : null;
        }
    }

    private final AnchorPolicies policies;
    private final CurationSettings settings;
    private final double carryOver;

    public VersionArms(AnchorPolicies policies, CurationSettings settings, CuratorConfig config) {
        this.policies = policies;
        this.settings = settings;
        this.carryOver = config.selection().carryOver();
        new VersionBudget(0, 1, carryOver, OptionalLong.empty()); // validates the configured carry-over
    }

    /**
     * Checks the arm settings a plan carries (null fields are the curator's own): a known anchor policy, keep share in
     * (0, 1], carry-over in [0, 1), token budget at least 1. Throws {@link IllegalArgumentException} with the reason.
     */
    public static void check(CurationPolicy plan) {
        if (plan.anchorPolicy() != null) {
            AnchorPolicy.parse(plan.anchorPolicy());
        }
        budgetOf(plan, 1.0, 0.0);
    }

    /** The settings in force for a version of the campaign sealed with this plan (call inside a transaction). */
    public Arm inForce(String campaignId, GenerationPlan plan) {
        AnchorPolicies.Chosen chosen = policies.of(campaignId, plan.curation());
        return new Arm(chosen.policy(), chosen.source(),
                budgetOf(plan.curation(), settings.current().selectionKeepShare(), carryOver));
    }

    private static VersionBudget budgetOf(CurationPolicy plan, double keepShare, double carryOver) {
        return new VersionBudget(plan.anchorRatio(),
                plan.keepShare() == null ? keepShare : plan.keepShare(),
                plan.carryOver() == null ? carryOver : plan.carryOver(),
                plan.tokenBudget() == null ? OptionalLong.empty() : OptionalLong.of(plan.tokenBudget()));
    }
}
