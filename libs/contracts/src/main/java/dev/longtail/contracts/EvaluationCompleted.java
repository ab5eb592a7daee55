package dev.longtail.contracts;

import java.util.List;

/** A dataset version has been evaluated: its metrics, a verdict with reasons, and adjustments for the next generation. */
public record EvaluationCompleted(
        int schemaVersion,
        String evaluationId,
        String campaignId,
        int generation,
        String datasetVersionId,
        GenerationMetrics metrics,
        Verdict verdict,
        List<String> reasons,
        List<Adjustment> adjustments) implements VersionedEvent {
}
