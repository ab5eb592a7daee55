package dev.longtail.contracts;

/**
 * The thresholds the curator applies to one generation, and how the sealed dataset version is composed: the share
 * of real anchor records, and (added within schema version 1, null = the curator's own setting) the campaign arm's
 * anchor policy ({@code replace}, {@code ratio}, {@code accumulate}, {@code accumulate-subsample},
 * {@code tail-preserving}), the share of accepted tokens a tail-preserving version keeps, the share of the synthetic
 * budget that records carried over from the previous version may fill, and a fixed token budget per version.
 */
public record CurationPolicy(
        double anchorRatio,
        double nearDuplicateThreshold,
        int minWords,
        int maxWords,
        @AddedProperty String anchorPolicy,
        @AddedProperty Double keepShare,
        @AddedProperty Double carryOver,
        @AddedProperty Integer tokenBudget) {

    /** A policy that leaves the version's composition to the curator's own settings. */
    public CurationPolicy(double anchorRatio, double nearDuplicateThreshold, int minWords, int maxWords) {
        this(anchorRatio, nearDuplicateThreshold, minWords, maxWords, null, null, null, null);
    }

    /** The same policy with other thresholds, keeping the arm's composition settings. */
    public CurationPolicy withThresholds(double anchorRatio, double nearDuplicateThreshold, int minWords, int maxWords) {
        return new CurationPolicy(anchorRatio, nearDuplicateThreshold, minWords, maxWords, anchorPolicy, keepShare,
                carryOver, tokenBudget);
    }
}
