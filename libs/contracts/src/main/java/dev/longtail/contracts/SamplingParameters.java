package dev.longtail.contracts;

/** How the generator samples: temperature, nucleus (top-p) mass, a token limit and a random seed. */
public record SamplingParameters(double temperature, double topP, int maxTokens, long randomSeed) {
}
