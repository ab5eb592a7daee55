package dev.longtail.core.experiment;

import java.util.Collection;
import java.util.Optional;

/**
 * One metric over an experiment's random seeds: the mean, the sample standard deviation (n − 1 in the denominator;
 * null for a single value, which has none) and how many values it summarises.
 */
public record Statistic(double mean, Double sd, int n) {

    /** The statistic of the values; empty when there are none. */
    public static Optional<Statistic> of(Collection<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        int n = values.size();
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        if (n < 2) {
            return Optional.of(new Statistic(mean, null, n));
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Optional.of(new Statistic(mean, Math.sqrt(squares / (n - 1)), n));
    }
}
