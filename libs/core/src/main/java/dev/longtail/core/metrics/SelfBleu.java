package dev.longtail.core.metrics;

import dev.longtail.core.text.NGrams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Self-BLEU (Zhu et al. 2018, "Texygen: A Benchmarking Platform for Text Generation Models"): the mean BLEU of
 * each text against the other texts of the same corpus as references; high when the texts repeat each other.
 *
 * <p>BLEU is NLTK's {@code sentence_bleu} (Papineni et al. 2002): clipped n-gram precisions p_1..p_N
 * (counts clipped by the largest count in any one reference), uniform weights 1/N, brevity penalty against
 * the reference length closest to the hypothesis (the shorter on ties), and NLTK's smoothing
 * {@code method1} (a precision with no match counts 0.1 / its denominator). As in NLTK, a hypothesis
 * without a single unigram match scores 0. Exact on all pairs would be O(n²): a seeded sample of
 * {@code sampleSize} texts is drawn once and each is scored against the other texts of the sample.
 */
public final class SelfBleu {

    /** NLTK's method1 epsilon. */
    static final double EPSILON = 0.1;

    private SelfBleu() {
    }

    /** The value and the number of texts it was computed on. */
    public record Result(double value, int sampleSize) {
    }

    /** Self-BLEU-N on a seeded sample of at most {@code sampleSize} texts (texts without tokens are skipped). */
    public static Result of(List<List<String>> docs, int maxN, int sampleSize, long seed) {
        if (maxN < 1 || sampleSize < 2) {
            throw new IllegalArgumentException("need maxN >= 1 and sampleSize >= 2, were " + maxN + ", " + sampleSize);
        }
        List<List<String>> nonEmpty = new ArrayList<>(docs.stream().filter(d -> !d.isEmpty()).toList());
        if (nonEmpty.size() < 2) {
            return new Result(0.0, nonEmpty.size());
        }
        if (nonEmpty.size() > sampleSize) {
            Collections.shuffle(nonEmpty, new Random(seed));
            nonEmpty = nonEmpty.subList(0, sampleSize);
        }
        List<List<Map<String, Integer>>> grams = new ArrayList<>();
        for (List<String> doc : nonEmpty) {
            grams.add(ngramCounts(doc, maxN));
        }
        double sum = 0;
        for (int h = 0; h < nonEmpty.size(); h++) {
            sum += bleu(h, nonEmpty, grams, maxN);
        }
        return new Result(sum / nonEmpty.size(), nonEmpty.size());
    }

    /** NLTK's sentence_bleu(references, hypothesis, weights = (1/N,)*N, smoothing = method1). */
    public static double sentenceBleu(List<List<String>> references, List<String> hypothesis, int maxN) {
        List<List<String>> all = new ArrayList<>(references);
        all.add(hypothesis);
        List<List<Map<String, Integer>>> grams = new ArrayList<>();
        for (List<String> doc : all) {
            grams.add(ngramCounts(doc, maxN));
        }
        return bleu(all.size() - 1, all, grams, maxN);
    }

    private static double bleu(int h, List<List<String>> docs, List<List<Map<String, Integer>>> grams, int maxN) {
        List<String> hyp = docs.get(h);
        int hypLength = hyp.size();
        int closestRef = -1;
        double logPrecision = 0;
        boolean anyUnigram = false;
        for (int r = 0; r < docs.size(); r++) {
            if (r == h) {
                continue;
            }
            int refLength = docs.get(r).size();
            if (closestRef < 0 || Math.abs(refLength - hypLength) < Math.abs(closestRef - hypLength)
                    || (Math.abs(refLength - hypLength) == Math.abs(closestRef - hypLength) && refLength < closestRef)) {
                closestRef = refLength;
            }
        }
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> hypCounts = grams.get(h).get(n - 1);
            int denominator = Math.max(1, hypLength - n + 1);
            int numerator = 0;
            for (var e : hypCounts.entrySet()) {
                int maxRef = 0;
                for (int r = 0; r < docs.size() && maxRef < e.getValue(); r++) {
                    if (r != h) {
                        maxRef = Math.max(maxRef, grams.get(r).get(n - 1).getOrDefault(e.getKey(), 0));
                    }
                }
                numerator += Math.min(e.getValue(), maxRef);
            }
            if (n == 1) {
                anyUnigram = numerator > 0;
            }
            double p = numerator > 0 ? (double) numerator / denominator : EPSILON / denominator;
            logPrecision += Math.log(p) / maxN;
        }
        if (!anyUnigram) {
            return 0.0;
        }
        double brevity = hypLength > closestRef ? 1.0 : hypLength == 0 ? 0.0 : Math.exp(1 - (double) closestRef / hypLength);
        return brevity * Math.exp(logPrecision);
    }

    private static List<Map<String, Integer>> ngramCounts(List<String> doc, int maxN) {
        List<Map<String, Integer>> out = new ArrayList<>(maxN);
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (String g : NGrams.of(doc, n)) {
                counts.merge(g, 1, Integer::sum);
            }
            out.add(counts);
        }
        return out;
    }
}
