package dev.longtail.core.curation;

/**
 * The limits one curation decision is held to: near-duplicate Jaccard threshold, word-count bounds of
 * the output, and the largest tolerated share of repeated word trigrams.
 */
public record CurationThresholds(double nearDuplicateThreshold, int minWords, int maxWords,
                                 double maxRepeatedNgramShare) {

    /** Near duplicates at Jaccard 0.8, 3 to 300 words, at most 30% repeated trigrams. */
    public static final CurationThresholds DEFAULTS = new CurationThresholds(0.8, 3, 300, 0.3);

    /** Validates: 0 &lt; near &le; 1, 1 &le; minWords &le; maxWords, 0 &lt; share &le; 1. */
    public CurationThresholds {
        if (!(nearDuplicateThreshold > 0 && nearDuplicateThreshold <= 1)) {
            throw new IllegalArgumentException("nearDuplicateThreshold must be in (0, 1], was " + nearDuplicateThreshold);
        }
        if (minWords < 1 || minWords > maxWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords, were " + minWords + ", " + maxWords);
        }
        if (!(maxRepeatedNgramShare > 0 && maxRepeatedNgramShare <= 1)) {
            throw new IllegalArgumentException("maxRepeatedNgramShare must be in (0, 1], was " + maxRepeatedNgramShare);
        }
    }
}
