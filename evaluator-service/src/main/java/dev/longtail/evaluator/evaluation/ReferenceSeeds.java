package dev.longtail.evaluator.evaluation;

/**
 * A campaign's real reference and held-out seeds as stored (JSON arrays of {@link dev.longtail.contracts.SeedRecord}):
 * what its {@link Baselines baseline} is built from, parsed only when the baseline is not cached.
 */
public record ReferenceSeeds(String campaignId, String referenceJson, String heldOutJson) {
}
