package dev.longtail.contracts;

/** A seed made by an evolution operator from a parent in the pool: the generator answers its instruction. */
public record EvolvedSeed(
        String seedId,
        String parentSeedId,
        String operator,
        String category,
        String instruction,
        String input) {
}
