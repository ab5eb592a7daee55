package dev.longtail.contracts;

/**
 * One sample for one evolved seed. Every evolved seed yields exactly one of these, generated or failed,
 * so that the curator can tell when a generation is complete ({@code generationSize} records).
 */
public record SampleGenerated(
        int schemaVersion,
        String sampleId,
        String campaignId,
        int generation,
        int generationSize,
        EvolvedSeed seed,
        String output,
        SampleStatus status,
        String failureReason,
        Provenance provenance,
        GenerationPlan plan) implements VersionedEvent {
}
