package dev.longtail.generator.backend;

/** How one completion is sampled: temperature, nucleus mass, a token limit and the seed of this very sample. */
public record SamplingSettings(double temperature, double topP, int maxTokens, long seed) {
}
