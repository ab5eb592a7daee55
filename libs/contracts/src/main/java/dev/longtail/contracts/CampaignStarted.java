package dev.longtail.contracts;

import java.util.List;

/**
 * A campaign has started. It carries the real reference: the seeds the loop may train on and anchor
 * with, and the held-out seeds that only the evaluator reads. A campaign that is one arm of an experiment (added
 * within schema version 1) names the experiment and its arm; both are null otherwise.
 */
public record CampaignStarted(
        int schemaVersion,
        String campaignId,
        String name,
        int generations,
        int samplesPerGeneration,
        long randomSeed,
        List<SeedRecord> referenceSeeds,
        List<SeedRecord> heldOutSeeds,
        @AddedProperty String experimentId,
        @AddedProperty String arm) implements VersionedEvent {

    /** A campaign that is not part of an experiment. */
    public CampaignStarted(int schemaVersion, String campaignId, String name, int generations, int samplesPerGeneration,
            long randomSeed, List<SeedRecord> referenceSeeds, List<SeedRecord> heldOutSeeds) {
        this(schemaVersion, campaignId, name, generations, samplesPerGeneration, randomSeed, referenceSeeds,
                heldOutSeeds, null, null);
    }
}
