package dev.longtail.core.evolution;

/** A seed instruction of some category: real (reference) or evolved, the unit that evolution rewrites. */
public record Seed(String id, String category, String instruction, String input, String output) {
}
