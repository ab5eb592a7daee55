package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Draws and measures the seeded real samples behind a {@link SizeMatchedReference}. */
final class ReferenceSamples {

    /** Distances to the reference, 0 when the sample is the whole reference. */
    private static final Set<String> DISTANCES = Set.of(UNIGRAM_JSD, BIGRAM_JSD, EMBEDDING_FRECHET, CENTROID_SHIFT,
            LENGTH_HISTOGRAM_DISTANCE);

    private ReferenceSamples() {
    }

    static SizeMatchedReference of(CollapseBaseline baseline, int records, int samples) {
        if (records < 1 || samples < 1) {
            throw new IllegalArgumentException("records and samples must be >= 1, were " + records + ", " + samples);
        }
        long seed = baseline.settings().seed();
        int referenceSize = baseline.reference().size();
        int fromReference = Math.min(records, referenceSize);
        int referenceDraws = fromReference == referenceSize ? 1 : samples;
        List<Map<String, Double>> measured = new ArrayList<>();
        for (int i = 0; i < referenceDraws; i++) {
            List<Integer> picked = SeededOrder.sample(referenceSize, fromReference, seed, "size-matched-reference-" + i);
            List<CorpusText> texts = new ArrayList<>(picked.size());
            List<List<String>> docs = new ArrayList<>(picked.size());
            for (int index : picked) {
                texts.add(baseline.reference().get(index));
                docs.add(baseline.referenceTokens().get(index));
            }
            List<float[]> vectors = subsample(baseline.referenceEmbeddings(), fromReference, seed, "size-matched-embeddings-" + i);
            measured.add(baseline.measureSample(texts, docs, vectors).values());
        }
        Map<String, Double> expected = mean(measured);
        expected.keySet().removeAll(SizeMatchedReference.FROM_HELD_OUT);
        if (fromReference == referenceSize) {
            expected.keySet().removeAll(DISTANCES);
        }

        int heldOutSize = baseline.heldOutTexts().size();
        int fromHeldOut = Math.min(records, heldOutSize);
        int heldOutDraws = fromHeldOut == heldOutSize ? 1 : samples;
        List<Map<String, Double>> heldOut = new ArrayList<>();
        for (int i = 0; i < heldOutDraws; i++) {
            List<Integer> picked = SeededOrder.sample(heldOutSize, fromHeldOut, seed, "size-matched-held-out-" + i);
            List<List<String>> docs = new ArrayList<>(picked.size());
            double[] logPpl = new double[picked.size()];
            for (int j = 0; j < picked.size(); j++) {
                docs.add(baseline.heldOutTokens().get(picked.get(j)));
                logPpl[j] = baseline.heldOutLogPerplexity()[picked.get(j)];
            }
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(TAIL_COVERAGE, baseline.tail().coverageOf(docs));
            baseline.putSignature(logPpl, v);
            List<float[]> vectors = subsample(baseline.heldOutEmbeddings(), fromHeldOut, seed, "size-matched-held-out-embeddings-" + i);
            if (vectors != null && !vectors.isEmpty()) {
                v.put(RARE_CLUSTER_SHARE, baseline.clusters().presentShare(vectors));
            }
            heldOut.add(v);
        }
        expected.putAll(mean(heldOut));
        return new SizeMatchedReference(records, Math.max(referenceDraws, heldOutDraws), fromReference, fromHeldOut,
                expected);
    }

    /** A seeded sample of at most {@code count} of the vectors (all of them when there are no more); null stays null. */
    private static List<float[]> subsample(List<float[]> vectors, int count, long seed, String purpose) {
        if (vectors == null || vectors.size() <= count) {
            return vectors;
        }
        return SeededOrder.sample(vectors.size(), count, seed, purpose).stream().map(vectors::get).toList();
    }

    /** Each metric's mean over the maps that have it (finite values only). */
    private static Map<String, Double> mean(List<Map<String, Double>> measured) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Map<String, Double> m : measured) {
            m.forEach((k, x) -> {
                if (x != null && Double.isFinite(x)) {
                    double[] s = sums.computeIfAbsent(k, key -> new double[2]);
                    s[0] += x;
                    s[1]++;
                }
            });
        }
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }
}
