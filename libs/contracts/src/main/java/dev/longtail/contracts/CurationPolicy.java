package dev.longtail.contracts;

/**
 * The thresholds the curator applies to one generation, and the share of real anchor records in the
 * sealed dataset version.
 */
public record CurationPolicy(
        double anchorRatio,
        double nearDuplicateThreshold,
        int minWords,
        int maxWords) {
}
