package dev.longtail.generator.generation;

/**
 * Everything needed to reproduce and cost a sample: backend, model, mode and template version, the sampling
 * parameters with the batch's random seed and this sample's derived seed, latency over all attempts, tokens,
 * why it stopped, and the mean token log-probability when the backend returned log-probabilities.
 */
public record SampleProvenance(String backend, String model, String mode, String template, double temperature,
        double topP, int maxTokens, long randomSeed, long sampleSeed, long latencyMicros, int promptTokens,
        int completionTokens, int attempts, String finishReason, Double meanLogprob) {
}
