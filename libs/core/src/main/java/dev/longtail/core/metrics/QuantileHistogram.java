package dev.longtail.core.metrics;

import java.util.Arrays;

/**
 * A histogram whose bin edges are quantiles of a baseline sample (deciles by default), so each bin holds
 * about an equal share of the baseline; another sample's shares over the same bins show where its mass
 * moved. The distance is total variation, ½ Σ |p_i − q_i| (0 identical, 1 disjoint).
 */
public final class QuantileHistogram {

    private final double[] edges;
    private final double[] baselineShares;

    private QuantileHistogram(double[] edges, double[] baselineShares) {
        this.edges = edges;
        this.baselineShares = baselineShares;
    }

    /** Bins at the baseline's 1/bins, 2/bins, … quantiles (repeated edges merged, as with discrete lengths). */
    public static QuantileHistogram ofBaseline(double[] baseline, int bins) {
        if (baseline.length == 0 || bins < 2) {
            throw new IllegalArgumentException("need a non-empty baseline and at least 2 bins");
        }
        double[] sorted = baseline.clone();
        Arrays.sort(sorted);
        double[] inner = new double[bins - 1];
        int count = 0;
        for (int k = 1; k < bins; k++) {
            double q = quantile(sorted, (double) k / bins);
            if (count == 0 || q > inner[count - 1]) {
                inner[count++] = q;
            }
        }
        double[] edges = Arrays.copyOf(inner, count);
        QuantileHistogram shape = new QuantileHistogram(edges, null);
        return new QuantileHistogram(edges, shape.shares(baseline));
    }

    /** The share of the values in each bin: bin i holds edges[i−1] &lt; x &le; edges[i]. */
    public double[] shares(double[] values) {
        double[] shares = new double[edges.length + 1];
        if (values.length == 0) {
            return shares;
        }
        for (double x : values) {
            int bin = Arrays.binarySearch(edges, x);
            shares[bin >= 0 ? bin : -bin - 1]++;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= values.length;
        }
        return shares;
    }

    /** The baseline's own shares. */
    public double[] baselineShares() {
        return baselineShares.clone();
    }

    /** The inner bin edges. */
    public double[] edges() {
        return edges.clone();
    }

    /** Total variation between the values' shares and the baseline's; NaN for no values. */
    public double distance(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] shares = shares(values);
        double tv = 0;
        for (int i = 0; i < shares.length; i++) {
            tv += Math.abs(shares[i] - baselineShares[i]);
        }
        return tv / 2;
    }

    /** Linear-interpolation quantile (type 7, as numpy's default) of sorted values; NaN when empty. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
