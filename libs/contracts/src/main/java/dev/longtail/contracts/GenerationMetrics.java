package dev.longtail.contracts;

/** The evaluator's measurements of one dataset version (see docs/metrics.md for the formulas). */
public record GenerationMetrics(
        double distinct1,
        double distinct2,
        double unigramEntropy,
        double tailCoverage,
        double heldOutPerplexity,
        double meanWords) {
}
