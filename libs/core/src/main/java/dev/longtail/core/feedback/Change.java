package dev.longtail.core.feedback;

/** One adjustment of a plan parameter for the next generation, with the reason in words. */
public record Change(String parameter, double from, double to, String reason) {

    public static final String IN_BREADTH_SHARE = "evolution.inBreadthShare";
    public static final String TEMPERATURE = "sampling.temperature";
    public static final String ANCHOR_RATIO = "curation.anchorRatio";
    public static final String NEAR_DUPLICATE_THRESHOLD = "curation.nearDuplicateThreshold";
}
