package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.metrics.CollapseMeasurement.CategoryShare;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The real reference prepared once for a campaign (the generation-0 model, the reference's and the held-out
 * texts' tails, the length and per-sample perplexity bins, the categories, the reference embeddings, their
 * Gaussian and rare clusters), and the measurement of any corpus against it: every metric of docs/metrics.md
 * "Per dataset version", for a version's synthetic part alone too, and what real samples of a corpus's size get
 * ({@link SizeMatchedReference}).
 *
 * <p>Embeddings are computed on a seeded sample of at most {@code settings.embeddingSample()} texts per corpus
 * (the sample size is reported); with no embedder or a sample size of 0 the embedding metrics are absent.
 */
public final class CollapseBaseline {

    private final CollapseSettings settings;
    private final TextEmbedder embedder;
    private final List<CorpusText> reference;
    private final List<List<String>> referenceTokens;
    private final List<List<String>> heldOut;
    private final Set<String> vocabulary;
    private final TailCoverage tail;
    private final KneserNeyModel generationZero;
    private final double[] heldOutLogPerplexity;
    private final double overProbableBelow;
    private final double implausibleAbove;
    private final QuantileHistogram perplexityBins;
    private final QuantileHistogram lengthBins;
    private final CategoryCoverage categories;
    private final List<CorpusText> heldOutTexts;
    private final TailCoverage heldOutTail;
    private final Set<List<String>> referenceTexts;
    private final List<float[]> referenceEmbeddings;
    private List<float[]> heldOutEmbeddings;
    private final EmbeddingDrift drift;
    private final RareClusters clusters;

    private CollapseBaseline(List<CorpusText> reference, List<CorpusText> heldOutTexts, TextEmbedder embedder,
                             CollapseSettings settings) {
        if (reference.isEmpty() || heldOutTexts.isEmpty()) {
            throw new IllegalArgumentException("the reference and the held-out texts must not be empty");
        }
        this.settings = settings;
        this.embedder = settings.embeddingSample() > 0 ? embedder : null;
        this.reference = List.copyOf(reference);
        this.referenceTokens = tokens(reference);
        this.heldOut = tokens(heldOutTexts);
        this.heldOutTexts = List.copyOf(heldOutTexts);
        this.referenceTexts = new HashSet<>(referenceTokens);
        this.vocabulary = new HashSet<>();
        referenceTokens.forEach(vocabulary::addAll);
        heldOut.forEach(vocabulary::addAll);
        this.tail = TailCoverage.ofReference(referenceTokens, settings.tailN(), settings.tailMaxCount());
        this.heldOutTail = TailCoverage.ofReference(heldOut, settings.tailN(), settings.tailMaxCount());
        this.generationZero = KneserNeyModel.train(referenceTokens, settings.ngramOrder(), vocabulary);
        this.heldOutLogPerplexity = logPerplexities(heldOut);
        double[] sorted = heldOutLogPerplexity.clone();
        Arrays.sort(sorted);
        this.overProbableBelow = QuantileHistogram.quantile(sorted, 0.1);
        this.implausibleAbove = QuantileHistogram.quantile(sorted, 0.9);
        this.perplexityBins = QuantileHistogram.ofBaseline(heldOutLogPerplexity, settings.histogramBins());
        this.lengthBins = QuantileHistogram.ofBaseline(wordCounts(referenceTokens), settings.histogramBins());
        this.categories = CategoryCoverage.ofReference(reference);
        if (this.embedder != null) {
            this.referenceEmbeddings = embed(reference, settings.seed());
            this.drift = EmbeddingDrift.ofReference(referenceEmbeddings);
            this.clusters = RareClusters.ofReference(referenceEmbeddings, settings.clusters(), settings.seed());
        } else {
            this.referenceEmbeddings = null;
            this.drift = null;
            this.clusters = null;
        }
    }

    /** Prepares the reference; {@code embedder} may be null (no embedding metrics). */
    public static CollapseBaseline of(List<CorpusText> reference, List<CorpusText> heldOut, TextEmbedder embedder,
                                      CollapseSettings settings) {
        return new CollapseBaseline(reference, heldOut, embedder, settings);
    }

    /** The settings in use. */
    public CollapseSettings settings() {
        return settings;
    }

    /** Whether the embedding metrics are measured. */
    public boolean embeddings() {
        return embedder != null;
    }

    /**
     * Generation 0: the reference measured like any version, except the perplexity signature, which is the
     * held-out real text's (the reference was the generation-0 model's training data, so it would look
     * over-probable against itself).
     */
    public CollapseMeasurement measureReference() {
        return measure(reference, referenceTokens, referenceEmbeddings, heldOutLogPerplexity, true);
    }

    /** Every metric of the corpus against the reference. */
    public CollapseMeasurement measure(List<CorpusText> corpus) {
        return measure(corpus, tokens(corpus), null, null, true);
    }

    /**
     * Every metric of the corpus, and the {@link CollapseMeasurement#SYNTHETIC_METRICS} of its synthetic part alone
     * under {@link CollapseMeasurement#synthetic(String)} names (anchors, copies of real data, left out; their size
     * under {@link CollapseMeasurement#SAMPLE_SYNTHETIC}); an empty part adds only its size.
     */
    public CollapseMeasurement measure(List<CorpusText> corpus, List<CorpusText> syntheticPart) {
        CollapseMeasurement whole = measure(corpus);
        Map<String, Double> v = new LinkedHashMap<>(whole.values());
        Map<String, Integer> sizes = new LinkedHashMap<>(whole.sampleSizes());
        Map<String, Long> millis = new LinkedHashMap<>(whole.millis());
        sizes.put(SAMPLE_SYNTHETIC, syntheticPart.size());
        timed(millis, "synthetic", () -> {
            if (syntheticPart.isEmpty()) {
                return null;
            }
            List<List<String>> docs = tokens(syntheticPart);
            Map<String, Double> part = new LinkedHashMap<>();
            putLexical(docs, part, new LinkedHashMap<>());
            putSelfBleu(docs, part, new LinkedHashMap<>());
            putSignature(logPerplexities(docs), part);
            part.put(MEAN_WORDS, DiversityMetrics.meanWords(docs));
            for (String metric : SYNTHETIC_METRICS) {
                Double x = part.get(metric);
                if (x != null && Double.isFinite(x)) {
                    v.put(synthetic(metric), x);
                }
            }
            return null;
        });
        return new CollapseMeasurement(v, sizes, whole.categories(), whole.lengthShares(), whole.perplexityShares(), millis);
    }

    /**
     * What real samples of {@code records} texts get on every metric, averaged over {@code samples} seeded draws; see
     * {@link SizeMatchedReference}.
     */
    public SizeMatchedReference sizeMatched(int records, int samples) {
        return ReferenceSamples.of(this, records, samples);
    }

    /** Whether the text, tokenised, is one of the reference's texts (a copy of real data). */
    public boolean isReferenceText(CorpusText text) {
        return referenceTexts.contains(text.tokens());
    }

    /**
     * A sample's metrics with the given embeddings (null without an embedder), without the perplexity signature and
     * the embedding Fréchet distance (one 384-dimensional eigendecomposition per sample, seconds each on 2 cores).
     */
    CollapseMeasurement measureSample(List<CorpusText> texts, List<List<String>> docs, List<float[]> vectors) {
        return measure(texts, docs, vectors, null, false);
    }

    /**
     * The measurement; {@code vectors} null embeds the corpus (when embeddings are on), {@code logPpl} null computes
     * the per-text log-perplexities; {@code whole} false leaves out the perplexity signature and the Fréchet distance
     * (a size-matched sample).
     */
    private CollapseMeasurement measure(List<CorpusText> corpus, List<List<String>> docs, List<float[]> vectors,
                                        double[] logPpl, boolean whole) {
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        sizes.put(SAMPLE_TEXTS, corpus.size());

        timed(millis, "lexical", () -> {
            putLexical(docs, v, sizes);
            v.put(COMPRESSION_RATIO, CompressionRatio.of(corpus.stream().map(CorpusText::text).toList()));
            v.put(UNIGRAM_JSD, NGramStatistics.jensenShannon(docs, referenceTokens, 1));
            v.put(BIGRAM_JSD, NGramStatistics.jensenShannon(docs, referenceTokens, 2));
            return null;
        });
        timed(millis, "selfBleu", () -> putSelfBleu(docs, v, sizes));
        List<Double> perplexityShares = timed(millis, "perplexity", () -> {
            v.put(HELD_OUT_PERPLEXITY, HeldOutPerplexity.of(docs, heldOut, settings.ngramOrder(), vocabulary));
            return whole ? putSignature(logPpl != null ? logPpl : logPerplexities(docs), v) : List.<Double>of();
        });
        double[] lengths = wordCounts(docs);
        v.put(MEAN_WORDS, DiversityMetrics.meanWords(docs));
        List<Double> lengthShares = List.of();
        if (lengths.length > 0) {
            double[] sorted = lengths.clone();
            Arrays.sort(sorted);
            v.put(LENGTH_P10, QuantileHistogram.quantile(sorted, 0.1));
            v.put(LENGTH_P50, QuantileHistogram.quantile(sorted, 0.5));
            v.put(LENGTH_P90, QuantileHistogram.quantile(sorted, 0.9));
            v.put(LENGTH_HISTOGRAM_DISTANCE, lengthBins.distance(lengths));
            lengthShares = boxed(lengthBins.shares(lengths));
        }
        Map<String, CategoryShare> shares = new TreeMap<>();
        categories.measure(corpus, v, shares);
        if (embedder != null && !corpus.isEmpty()) {
            timed(millis, "embeddings", () -> {
                List<float[]> embedded = vectors != null ? vectors : embed(corpus, settings.seed() + 1);
                sizes.put(SAMPLE_EMBEDDINGS, embedded.size());
                if (!embedded.isEmpty()) {
                    v.put(VENDI_SCORE, VendiScore.ofUnitVectors(embedded));
                    if (whole) {
                        v.put(EMBEDDING_FRECHET, drift.frechetDistance(embedded));
                    }
                    v.put(CENTROID_SHIFT, drift.centroidShift(embedded));
                    v.put(RARE_CLUSTER_SHARE, clusters.presentShare(embedded));
                }
                return null;
            });
        }
        v.values().removeIf(x -> x == null || !Double.isFinite(x));
        return new CollapseMeasurement(v, sizes, shares, lengthShares, perplexityShares, millis);
    }

    /** distinct-n, the fixed-count distinct-2, n-gram entropies and both tails' coverage. */
    private void putLexical(List<List<String>> docs, Map<String, Double> v, Map<String, Integer> sizes) {
        v.put(DISTINCT1, DiversityMetrics.distinctN(docs, 1));
        v.put(DISTINCT2, DiversityMetrics.distinctN(docs, 2));
        v.put(DISTINCT3, DiversityMetrics.distinctN(docs, 3));
        FixedCountDistinct.Result fixed = FixedCountDistinct.of(docs, 2, settings.fixedCountTokens(), settings.seed());
        v.put(DISTINCT2_AT_K, fixed.value());
        sizes.put(SAMPLE_FIXED_COUNT, fixed.tokens());
        v.put(UNIGRAM_ENTROPY, DiversityMetrics.unigramEntropy(docs));
        v.put(BIGRAM_ENTROPY, NGramStatistics.entropy(docs, 2));
        v.put(TRIGRAM_ENTROPY, NGramStatistics.entropy(docs, 3));
        v.put(TAIL_COVERAGE, tail.coverageOf(docs));
        v.put(HELD_OUT_TAIL_COVERAGE, heldOutTail.coverageOf(docs));
        sizes.put(SAMPLE_RARE_NGRAMS, tail.rareNgramCount());
        sizes.put(SAMPLE_HELD_OUT_RARE_NGRAMS, heldOutTail.rareNgramCount());
    }

    private Void putSelfBleu(List<List<String>> docs, Map<String, Double> v, Map<String, Integer> sizes) {
        if (docs.size() >= 2) {
            SelfBleu.Result bleu = SelfBleu.of(docs, settings.selfBleuMaxN(), settings.selfBleuSample(), settings.seed());
            v.put(SELF_BLEU, bleu.value());
            sizes.put(SAMPLE_SELF_BLEU, bleu.sampleSize());
        }
        return null;
    }

    /**
     * Shumailov's signature of per-text log-perplexities under the generation-0 model: over-probable and implausible
     * shares, the histogram distance to the held-out texts' and the median perplexity; returns the bin shares.
     */
    List<Double> putSignature(double[] logPpl, Map<String, Double> v) {
        if (logPpl.length == 0) {
            return List.of();
        }
        v.put(OVER_PROBABLE_SHARE, share(logPpl, x -> x < overProbableBelow));
        v.put(IMPLAUSIBLE_SHARE, share(logPpl, x -> x > implausibleAbove));
        v.put(PERPLEXITY_HISTOGRAM_DISTANCE, perplexityBins.distance(logPpl));
        double[] sorted = logPpl.clone();
        Arrays.sort(sorted);
        v.put(MEDIAN_SAMPLE_PERPLEXITY, Math.exp(QuantileHistogram.quantile(sorted, 0.5)));
        return boxed(perplexityBins.shares(logPpl));
    }

    List<CorpusText> reference() {
        return reference;
    }

    List<List<String>> referenceTokens() {
        return referenceTokens;
    }

    List<CorpusText> heldOutTexts() {
        return heldOutTexts;
    }

    List<List<String>> heldOutTokens() {
        return heldOut;
    }

    double[] heldOutLogPerplexity() {
        return heldOutLogPerplexity;
    }

    TailCoverage tail() {
        return tail;
    }

    RareClusters clusters() {
        return clusters;
    }

    /** The reference's embeddings (a seeded sample of at most {@code embeddingSample}); null without an embedder. */
    List<float[]> referenceEmbeddings() {
        return referenceEmbeddings;
    }

    /** The held-out texts' embeddings (a seeded sample), embedded on first use; null without an embedder. */
    synchronized List<float[]> heldOutEmbeddings() {
        if (embedder != null && heldOutEmbeddings == null) {
            heldOutEmbeddings = embed(heldOutTexts, settings.seed() + 2);
        }
        return heldOutEmbeddings;
    }

    /** The inner edges of the per-sample log-perplexity bins (held-out quantiles) and of the length bins. */
    public Map<String, List<Double>> binEdges() {
        return Map.of("logPerplexity", boxed(perplexityBins.edges()), "words", boxed(lengthBins.edges()));
    }

    private double[] logPerplexities(List<List<String>> docs) {
        double[] out = new double[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            out[i] = Math.log(generationZero.perplexity(List.of(docs.get(i))));
        }
        return out;
    }

    private List<float[]> embed(List<CorpusText> corpus, long seed) {
        List<String> texts = new ArrayList<>(corpus.stream().map(CorpusText::text).toList());
        if (texts.size() > settings.embeddingSample()) {
            Collections.shuffle(texts, new Random(seed));
            texts = texts.subList(0, settings.embeddingSample());
        }
        return embedder.embedAll(texts);
    }

    private static List<List<String>> tokens(List<CorpusText> texts) {
        return texts.stream().map(CorpusText::tokens).toList();
    }

    private static double[] wordCounts(List<List<String>> docs) {
        double[] out = new double[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            int words = 0;
            for (String t : docs.get(i)) {
                if (Tokenizer.isWord(t)) {
                    words++;
                }
            }
            out[i] = words;
        }
        return out;
    }

    private static double share(double[] values, java.util.function.DoublePredicate p) {
        int n = 0;
        for (double x : values) {
            if (p.test(x)) {
                n++;
            }
        }
        return (double) n / values.length;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double x : values) {
            out.add(x);
        }
        return out;
    }

    private static <T> T timed(Map<String, Long> millis, String group, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        millis.put(group, (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
