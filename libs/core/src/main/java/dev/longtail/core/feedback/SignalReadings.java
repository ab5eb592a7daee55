package dev.longtail.core.feedback;

import java.util.Map;

/**
 * The measurements a generation's knob signals are read from (metric maps as in
 * {@code dev.longtail.core.metrics.CollapseMeasurement}; an absent metric is not measured).
 *
 * @param reference       generation 0, the real reference
 * @param firstGeneration generation 1 (the generation itself while it is generation 1)
 * @param previous        the previous generation; null for generation 1
 * @param current         the generation being judged
 */
public record SignalReadings(Map<String, Double> reference, Map<String, Double> firstGeneration,
        Map<String, Double> previous, Map<String, Double> current) {

    /** The signal's value in the current generation; NaN when not measured. */
    public double value(TargetSignal signal) {
        return get(current, signal.metric());
    }

    /**
     * The signal against its baseline, as the verdict reads it: tail coverage / generation 1's, held-out perplexity /
     * the reference's, distinct-2 / the previous generation's (the reference's for generation 1), Self-BLEU / the
     * previous generation's (NaN for generation 1). NaN when either side is not measured or the baseline is not
     * positive.
     */
    public double ratio(TargetSignal signal) {
        Map<String, Double> baseline = switch (signal) {
            case TAIL_COVERAGE -> firstGeneration != null ? firstGeneration : current;
            case HELD_OUT_PERPLEXITY -> reference;
            case DISTINCT_2 -> previous != null ? previous : reference;
            case SELF_BLEU -> previous;
        };
        double value = value(signal);
        double base = get(baseline, signal.metric());
        return Double.isFinite(value) && Double.isFinite(base) && base > 0 ? value / base : Double.NaN;
    }

    private static double get(Map<String, Double> values, String metric) {
        Double v = values == null ? null : values.get(metric);
        return v == null ? Double.NaN : v;
    }
}
