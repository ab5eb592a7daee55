package dev.longtail.curator.dataset;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A dataset version as the REST API shows it: decision counts and reasons, the anchor policy, the accepted samples
 * the policy left out and why, the synthetic and anchor records, and the number of records.
 */
public record DatasetView(UUID id, String campaignId, int generation, int generated, int accepted, int rejected,
        int failed, Map<String, Integer> rejectedByReason, String anchorPolicy, Map<String, Integer> leftOutByReason,
        int syntheticRecords, int anchorRecords, int records, Instant sealedAt) {
}
