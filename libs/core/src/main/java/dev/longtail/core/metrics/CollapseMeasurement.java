package dev.longtail.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured on one corpus: the named metric values (keys below; a metric that cannot be measured,
 * e.g. embeddings when they are off, is absent), the sample size behind each sampled metric, the category
 * shares, the length and perplexity histograms over the baseline's bins, and the time each group took.
 */
public record CollapseMeasurement(Map<String, Double> values, Map<String, Integer> sampleSizes,
                                  Map<String, CategoryShare> categories, List<Double> lengthShares,
                                  List<Double> perplexityShares, Map<String, Long> millis) {

    public static final String DISTINCT1 = "distinct1";
    public static final String DISTINCT2 = "distinct2";
    public static final String DISTINCT3 = "distinct3";
    public static final String UNIGRAM_ENTROPY = "unigramEntropy";
    public static final String BIGRAM_ENTROPY = "bigramEntropy";
    public static final String TRIGRAM_ENTROPY = "trigramEntropy";
    public static final String SELF_BLEU = "selfBleu";
    public static final String COMPRESSION_RATIO = "compressionRatio";
    public static final String VENDI_SCORE = "vendiScore";
    public static final String UNIGRAM_JSD = "unigramJsd";
    public static final String BIGRAM_JSD = "bigramJsd";
    public static final String EMBEDDING_FRECHET = "embeddingFrechetDistance";
    public static final String CENTROID_SHIFT = "centroidShift";
    public static final String TAIL_COVERAGE = "tailCoverage";
    public static final String RARE_CLUSTER_SHARE = "rareClusterShare";
    public static final String MINORITY_CATEGORY_RATIO = "minorityCategoryRatio";
    public static final String OVER_PROBABLE_SHARE = "overProbableShare";
    public static final String IMPLAUSIBLE_SHARE = "implausibleShare";
    public static final String PERPLEXITY_HISTOGRAM_DISTANCE = "perplexityHistogramDistance";
    public static final String MEDIAN_SAMPLE_PERPLEXITY = "medianSamplePerplexity";
    public static final String MEAN_WORDS = "meanWords";
    public static final String LENGTH_P10 = "lengthP10";
    public static final String LENGTH_P50 = "lengthP50";
    public static final String LENGTH_P90 = "lengthP90";
    public static final String LENGTH_HISTOGRAM_DISTANCE = "lengthHistogramDistance";
    public static final String HELD_OUT_PERPLEXITY = "heldOutPerplexity";
    /** distinct-2 over a fixed number of tokens ({@link FixedCountDistinct}; the count is {@link #SAMPLE_FIXED_COUNT}). */
    public static final String DISTINCT2_AT_K = "distinct2AtK";
    /** Tail coverage of the held-out texts' rare n-grams (the tail no selection targets and no anchor comes from). */
    public static final String HELD_OUT_TAIL_COVERAGE = "heldOutTailCoverage";
    /** Share of the reference's texts whose category the corpus holds ({@link CategoryCoverage}). */
    public static final String CATEGORY_COVERAGE = "categoryCoverage";
    /** Number of the reference's categories the corpus lacks. */
    public static final String MISSING_CATEGORIES = "missingCategories";

    /** The metrics also measured on a version's synthetic part alone, under {@link #synthetic(String)} names. */
    public static final List<String> SYNTHETIC_METRICS = List.of(DISTINCT1, DISTINCT2, DISTINCT2_AT_K, UNIGRAM_ENTROPY,
            SELF_BLEU, TAIL_COVERAGE, HELD_OUT_TAIL_COVERAGE, OVER_PROBABLE_SHARE, IMPLAUSIBLE_SHARE, MEAN_WORDS);

    /** Sample-size keys. */
    public static final String SAMPLE_SELF_BLEU = "selfBleu";
    public static final String SAMPLE_EMBEDDINGS = "embeddings";
    public static final String SAMPLE_TEXTS = "texts";
    /** Tokens the fixed-count distinct-2 was measured on (K, or fewer for a smaller corpus). */
    public static final String SAMPLE_FIXED_COUNT = "distinctTokens";
    /** Texts of the synthetic part (present when it was measured). */
    public static final String SAMPLE_SYNTHETIC = "syntheticTexts";
    /** Rare n-grams of the reference (the tail) and of the held-out texts. */
    public static final String SAMPLE_RARE_NGRAMS = "rareNgrams";
    public static final String SAMPLE_HELD_OUT_RARE_NGRAMS = "heldOutRareNgrams";

    /** The name of a metric measured on the synthetic part alone: {@code distinct2} → {@code syntheticDistinct2}. */
    public static String synthetic(String metric) {
        return "synthetic" + Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
    }

    /** A category's share of the reference and of the corpus; minority when below the reference's uniform share. */
    public record CategoryShare(double reference, double version, boolean minority) {
    }

    public CollapseMeasurement {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        sampleSizes = Collections.unmodifiableMap(new LinkedHashMap<>(sampleSizes));
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        lengthShares = List.copyOf(lengthShares);
        perplexityShares = List.copyOf(perplexityShares);
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** The value of a metric, NaN when it was not measured. */
    public double get(String metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }
}
