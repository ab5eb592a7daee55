package dev.longtail.core.feedback;

/**
 * The measurements of one dataset version that the feedback policy reads: distinct-1/2 (Li et al. 2016),
 * unigram entropy in bits, tail coverage of the reference's rare n-grams, held-out perplexity of a model
 * trained on the version, and mean words per record.
 */
public record VersionSignals(double distinct1, double distinct2, double unigramEntropy, double tailCoverage,
                      double heldOutPerplexity, double meanWords) {
}
