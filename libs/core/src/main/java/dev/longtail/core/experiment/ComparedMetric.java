package dev.longtail.core.experiment;

import java.util.OptionalDouble;

/**
 * The metrics an experiment compares across arms, by their name in the report. Two are relative to the campaign's
 * own reference (generation 0): D, the held-out perplexity of the version over the reference's, and the length
 * ratio, the version's mean words over the reference's. A ratio over a reference that is missing, zero or not finite
 * is no value.
 */
public enum ComparedMetric {
    PERPLEXITY_RATIO("perplexityRatio"),
    TAIL_COVERAGE("tailCoverage"),
    DISTINCT_2("distinct2"),
    MEAN_WORDS("meanWords"),
    LENGTH_RATIO("lengthRatio");

    private final String field;

    ComparedMetric(String field) {
        this.field = field;
    }

    /** The metric's name in the report ({@code perplexityRatio}, {@code tailCoverage}, ...). */
    public String field() {
        return field;
    }

    /** The metric of a measured version against its campaign's reference; empty when it cannot be computed. */
    public OptionalDouble of(Measurement version, Measurement reference) {
        return switch (this) {
            case PERPLEXITY_RATIO -> ratio(version.heldOutPerplexity(),
                    reference == null ? Double.NaN : reference.heldOutPerplexity());
            case TAIL_COVERAGE -> finite(version.tailCoverage());
            case DISTINCT_2 -> finite(version.distinct2());
            case MEAN_WORDS -> finite(version.meanWords());
            case LENGTH_RATIO -> ratio(version.meanWords(), reference == null ? Double.NaN : reference.meanWords());
        };
    }

    private static OptionalDouble ratio(double value, double reference) {
        if (!(reference > 0) || !Double.isFinite(reference)) {
            return OptionalDouble.empty();
        }
        return finite(value / reference);
    }

    private static OptionalDouble finite(double value) {
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
