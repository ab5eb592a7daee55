package dev.longtail.core.curation;

/**
 * The outcome of curating one sample, with the evidence: the stage that decided, the measured score and
 * the threshold it was compared with. On acceptance, reason is null and stage is {@code "all"}.
 */
public record Decision(boolean accepted, RejectionReason reason, String stage, double score, double threshold) {

    public static final String STAGE_LENGTH = "length";
    public static final String STAGE_REPETITION = "repetition";
    public static final String STAGE_EXACT_DUPLICATE = "exact-duplicate";
    public static final String STAGE_NEAR_DUPLICATE = "near-duplicate";
    public static final String STAGE_ALL = "all";

    /** Validates that accepted decisions carry no reason and rejected ones carry one. */
    public Decision {
        if (accepted == (reason != null)) {
            throw new IllegalArgumentException("an accepted decision has no reason, a rejected one has one");
        }
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("stage is required");
        }
    }

    /**
     * An acceptance; score is the closest near-duplicate similarity found (0 when none) and threshold the
     * near-duplicate threshold it stayed below.
     */
    public static Decision accepted(double score, double threshold) {
        return new Decision(true, null, STAGE_ALL, score, threshold);
    }

    /** A rejection at a stage, with the measured score and the limit it broke. */
    public static Decision rejected(RejectionReason reason, String stage, double score, double threshold) {
        if (reason == null) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        return new Decision(false, reason, stage, score, threshold);
    }
}
