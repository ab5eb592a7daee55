package dev.longtail.contracts;

import java.util.List;

/**
 * A generation has started: its evolved seeds, its plan, and the texts the embedded backend trains on
 * (the reference seeds for generation 1, the previous dataset version after that).
 */
public record SeedsEvolved(
        int schemaVersion,
        String campaignId,
        int generation,
        List<EvolvedSeed> seeds,
        GenerationPlan plan,
        List<TrainingText> trainingCorpus) implements VersionedEvent {
}
