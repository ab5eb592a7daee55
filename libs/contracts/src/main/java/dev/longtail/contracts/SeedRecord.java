package dev.longtail.contracts;

/** A real, human-written seed: an instruction, an optional input and the reference response. */
public record SeedRecord(String seedId, String category, String instruction, String input, String output) {
}
