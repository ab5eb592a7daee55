package dev.longtail.contracts;

import java.util.List;

/**
 * A campaign has started. It carries the real reference: the seeds the loop may train on and anchor
 * with, and the held-out seeds that only the evaluator reads.
 */
public record CampaignStarted(
        int schemaVersion,
        String campaignId,
        String name,
        int generations,
        int samplesPerGeneration,
        long randomSeed,
        List<SeedRecord> referenceSeeds,
        List<SeedRecord> heldOutSeeds) implements VersionedEvent {
}
