package dev.longtail.core.curation;

/** Why curation rejected a sample; one per stage of {@link CurationSession#decide}. */
public enum RejectionReason {
    TOO_SHORT,
    TOO_LONG,
    DEGENERATE,
    EXACT_DUPLICATE,
    NEAR_DUPLICATE
}
