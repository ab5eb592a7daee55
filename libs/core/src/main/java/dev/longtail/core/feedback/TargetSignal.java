package dev.longtail.core.feedback;

/**
 * A signal a plan knob is turned to move, with the metric it reads (names as in
 * {@code dev.longtail.core.metrics.CollapseMeasurement}) and which way is better.
 */
public enum TargetSignal {
    /** Share of the reference's rare bigrams the version keeps; judged against generation 1's. */
    TAIL_COVERAGE("tailCoverage", true),
    /** Held-out perplexity of a model trained on the version; judged against the reference's. */
    HELD_OUT_PERPLEXITY("heldOutPerplexity", false),
    /** Distinct bigrams / bigrams; judged against the previous generation's (the reference's for generation 1). */
    DISTINCT_2("distinct2", true),
    /** Self-BLEU-4 of the version's texts; judged against the previous generation's (not for generation 1). */
    SELF_BLEU("selfBleu", false);

    private final String metric;
    private final boolean higherIsBetter;

    TargetSignal(String metric, boolean higherIsBetter) {
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric's name in a measurement's value map. */
    public String metric() {
        return metric;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
