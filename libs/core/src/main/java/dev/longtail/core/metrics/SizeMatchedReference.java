package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What real text of a corpus's size gets on every metric: the mean over seeded samples of that many texts (most
 * metrics fall or rise with size alone, so a small healthy corpus must be judged against a sample as small). Each
 * metric is measured on real texts its yardstick was not built from: the reference's tail, rare clusters and the
 * perplexity signature (the generation-0 model) come from the reference, so their samples are drawn from the
 * held-out texts (a reference sample would cover its own rare n-grams and clusters by construction); every other
 * metric, held-out tail coverage and held-out perplexity included, is measured on reference samples. A sample
 * cannot be larger than what it is drawn from: a corpus at least as large as the reference is compared with the
 * whole reference (its distances to itself, 0 by construction, are then left out), and with all held-out texts.
 * The embedding Fréchet distance is not expected (a 384-dimensional eigendecomposition per sample costs seconds).
 *
 * @param records          the corpus size the samples match
 * @param samples          the number of seeded samples drawn from each source (1 when the source is taken whole)
 * @param referenceRecords texts per reference sample (min(records, reference size))
 * @param heldOutRecords   texts per held-out sample (min(records, held-out size))
 * @param values           the mean of each metric over the samples that have it
 */
public record SizeMatchedReference(int records, int samples, int referenceRecords, int heldOutRecords,
                                   Map<String, Double> values) {

    /** Metrics expected from held-out samples: their yardsticks (tail, clusters, generation-0 model) are the reference's. */
    public static final Set<String> FROM_HELD_OUT = Set.of(TAIL_COVERAGE, RARE_CLUSTER_SHARE, OVER_PROBABLE_SHARE,
            IMPLAUSIBLE_SHARE, PERPLEXITY_HISTOGRAM_DISTANCE, MEDIAN_SAMPLE_PERPLEXITY);

    public SizeMatchedReference {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The expected value of a metric, NaN when no sample measured it. */
    public double get(String metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }

    /** The real texts behind a metric's expected value, e.g. "40 reference texts" or "32 held-out texts". */
    public String source(String metric) {
        return FROM_HELD_OUT.contains(metric) ? heldOutRecords + " held-out texts" : referenceRecords + " reference texts";
    }
}
