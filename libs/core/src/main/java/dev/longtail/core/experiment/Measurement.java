package dev.longtail.core.experiment;

/**
 * What the evaluator measured on one dataset version of a campaign (or on the campaign's real reference, whose
 * verdict is null): held-out perplexity, tail coverage, distinct-2, mean words per record, and the verdict.
 */
public record Measurement(double heldOutPerplexity, double tailCoverage, double distinct2, double meanWords,
        String verdict) {
}
