package dev.longtail.contracts;

/** The evaluator's judgement of a generation. */
public enum Verdict {
    HEALTHY,
    DRIFTING,
    COLLAPSING
}
