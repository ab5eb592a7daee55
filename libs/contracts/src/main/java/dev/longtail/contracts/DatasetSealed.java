package dev.longtail.contracts;

import java.util.List;

/**
 * A generation's dataset version is sealed: accepted synthetic samples plus real anchor records. The
 * records travel inline (compressed on the wire); see docs/protocol.md for the size limit.
 */
public record DatasetSealed(
        int schemaVersion,
        String datasetVersionId,
        String campaignId,
        int generation,
        GenerationPlan plan,
        DecisionCounts counts,
        int anchorRecords,
        List<DatasetRecord> records) implements VersionedEvent {
}
