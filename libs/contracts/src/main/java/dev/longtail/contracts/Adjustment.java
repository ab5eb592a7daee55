package dev.longtail.contracts;

/**
 * A change the evaluator asks for in the next generation's plan: a parameter (for example
 * {@code evolution.inBreadthShare}), its value in force, its new value, and why.
 */
public record Adjustment(String parameter, double from, double to, String reason) {

    public static final String IN_BREADTH_SHARE = "evolution.inBreadthShare";
    public static final String TEMPERATURE = "sampling.temperature";
    public static final String ANCHOR_RATIO = "curation.anchorRatio";
    public static final String NEAR_DUPLICATE_THRESHOLD = "curation.nearDuplicateThreshold";
}
