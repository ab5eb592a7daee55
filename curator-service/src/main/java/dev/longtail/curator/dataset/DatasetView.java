package dev.longtail.curator.dataset;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset version as the REST API shows it: decision counts and reasons, the anchor policy, the campaign arm's
 * settings the version was sealed with, the accepted samples the policy left out and why, the synthetic (carried
 * ones included), carried and anchor records, the number of records, and the tokens of each part (null for versions
 * sealed before tokens were recorded).
 */
public record DatasetView(UUID id, String campaignId, int generation, int generated, int accepted, int rejected,
        int failed, Map<String, Integer> rejectedByReason, String anchorPolicy, Arm arm,
        Map<String, Integer> leftOutByReason, int syntheticRecords, int carriedRecords, int anchorRecords, int records,
        Long syntheticTokens, Long carriedTokens, Long anchorTokens, Long tokens, Instant sealedAt) {

    /**
     * The arm settings in force: the policy and where it came from ({@code ADMIN} override, {@code PLAN} or
     * {@code CONFIG}), the plan's anchor ratio, and the keep share, carry-over and token budget where the policy uses
     * them (null where it does not: keep share and carry-over outside tail-preserving, a token budget under accumulate
     * or when none was set).
     */
    public record Arm(String anchorPolicy, String anchorPolicySource, double anchorRatio, Double keepShare,
            Double carryOver, Integer tokenBudget) {
    }
}
