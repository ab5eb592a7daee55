package dev.longtail.bench;

/**
 * The measurements of one regime at one generation: held-out perplexity of M_g, and of its training set
 * distinct-2, tail coverage of real-train's rare bigrams, unigram Jensen-Shannon divergence to real-train
 * (bits), mean words per line, tokens, lines, candidate tokens sampled, real share (real lines plus
 * synthetic copies of real lines), the feedback verdict and the wall time; also the attested distinct-2
 * (distinct bigrams that real-train also has, per bigram: diversity without the model's backoff noise) and
 * the carried share (synthetic tokens in clauses that were already in the regime's previous training set, per
 * synthetic token: how much of the synthetic part is not fresh).
 */
public record GenerationRow(int generation, double perplexity, double distinct2, double tailCoverage,
                            double jsDivergence, double meanLineLength, long tokens, long lines,
                            long candidateTokens, double realShare, String verdict, double seconds,
                            double attestedDistinct2, double carriedShare) {
}
