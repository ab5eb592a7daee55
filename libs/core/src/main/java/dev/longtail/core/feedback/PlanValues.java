package dev.longtail.core.feedback;

/** The plan knobs the feedback policy may turn for the next generation. */
public record PlanValues(double inBreadthShare, double temperature, double anchorRatio, double nearDuplicateThreshold) {
}
