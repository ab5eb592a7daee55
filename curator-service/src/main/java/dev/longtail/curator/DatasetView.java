package dev.longtail.curator;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A dataset version as the REST API shows it: counts, reasons, anchors, the number of records. */
public record DatasetView(UUID id, String campaignId, int generation, int generated, int accepted, int rejected,
        int failed, Map<String, Integer> rejectedByReason, int anchorRecords, int records, Instant sealedAt) {
}
