package dev.longtail.core.metrics;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.lm.KneserNeyModel;
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
 * The real reference prepared once for a campaign (the generation-0 model, the tail, the length and
 * per-sample perplexity bins, the reference embeddings, their Gaussian and rare clusters), and the
 * measurement of any corpus against it: every metric of docs/metrics.md "Per dataset version".
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
    private final Map<String, Double> referenceCategoryShares;
    private final Set<String> minorityCategories;
    private final List<float[]> referenceEmbeddings;
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
        this.vocabulary = new HashSet<>();
        referenceTokens.forEach(vocabulary::addAll);
        heldOut.forEach(vocabulary::addAll);
        this.tail = TailCoverage.ofReference(referenceTokens, settings.tailN(), settings.tailMaxCount());
        this.generationZero = KneserNeyModel.train(referenceTokens, settings.ngramOrder(), vocabulary);
        this.heldOutLogPerplexity = logPerplexities(heldOut);
        double[] sorted = heldOutLogPerplexity.clone();
        Arrays.sort(sorted);
        this.overProbableBelow = QuantileHistogram.quantile(sorted, 0.1);
        this.implausibleAbove = QuantileHistogram.quantile(sorted, 0.9);
        this.perplexityBins = QuantileHistogram.ofBaseline(heldOutLogPerplexity, settings.histogramBins());
        this.lengthBins = QuantileHistogram.ofBaseline(wordCounts(referenceTokens), settings.histogramBins());
        this.referenceCategoryShares = categoryShares(reference);
        this.minorityCategories = new HashSet<>();
        if (referenceCategoryShares.size() >= 2) {
            double uniform = 1.0 / referenceCategoryShares.size();
            referenceCategoryShares.forEach((c, s) -> {
                if (s < uniform) {
                    minorityCategories.add(c);
                }
            });
        }
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
        return measure(reference, true);
    }

    /** Every metric of the corpus against the reference. */
    public CollapseMeasurement measure(List<CorpusText> corpus) {
        return measure(corpus, false);
    }

    private CollapseMeasurement measure(List<CorpusText> corpus, boolean isReference) {
        Map<String, Double> v = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        List<List<String>> docs = isReference ? referenceTokens : tokens(corpus);
        sizes.put(SAMPLE_TEXTS, corpus.size());

        timed(millis, "lexical", () -> {
            v.put(DISTINCT1, DiversityMetrics.distinctN(docs, 1));
            v.put(DISTINCT2, DiversityMetrics.distinctN(docs, 2));
            v.put(DISTINCT3, DiversityMetrics.distinctN(docs, 3));
            v.put(UNIGRAM_ENTROPY, DiversityMetrics.unigramEntropy(docs));
            v.put(BIGRAM_ENTROPY, NGramStatistics.entropy(docs, 2));
            v.put(TRIGRAM_ENTROPY, NGramStatistics.entropy(docs, 3));
            v.put(COMPRESSION_RATIO, CompressionRatio.of(corpus.stream().map(CorpusText::text).toList()));
            v.put(UNIGRAM_JSD, NGramStatistics.jensenShannon(docs, referenceTokens, 1));
            v.put(BIGRAM_JSD, NGramStatistics.jensenShannon(docs, referenceTokens, 2));
            v.put(TAIL_COVERAGE, tail.coverageOf(docs));
            return null;
        });
        timed(millis, "selfBleu", () -> {
            if (docs.size() >= 2) {
                SelfBleu.Result bleu = SelfBleu.of(docs, settings.selfBleuMaxN(), settings.selfBleuSample(), settings.seed());
                v.put(SELF_BLEU, bleu.value());
                sizes.put(SAMPLE_SELF_BLEU, bleu.sampleSize());
            }
            return null;
        });
        List<Double> perplexityShares = timed(millis, "perplexity", () -> {
            v.put(HELD_OUT_PERPLEXITY, HeldOutPerplexity.of(docs, heldOut, settings.ngramOrder(), vocabulary));
            double[] logPpl = isReference ? heldOutLogPerplexity : logPerplexities(docs);
            if (logPpl.length == 0) {
                return List.<Double>of();
            }
            v.put(OVER_PROBABLE_SHARE, share(logPpl, x -> x < overProbableBelow));
            v.put(IMPLAUSIBLE_SHARE, share(logPpl, x -> x > implausibleAbove));
            v.put(PERPLEXITY_HISTOGRAM_DISTANCE, perplexityBins.distance(logPpl));
            double[] sorted = logPpl.clone();
            Arrays.sort(sorted);
            v.put(MEDIAN_SAMPLE_PERPLEXITY, Math.exp(QuantileHistogram.quantile(sorted, 0.5)));
            return boxed(perplexityBins.shares(logPpl));
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
        Map<String, CategoryShare> categories = new TreeMap<>();
        if (!minorityCategories.isEmpty()) {
            Map<String, Double> shares = categoryShares(corpus);
            double referenceMinority = 0;
            double versionMinority = 0;
            for (var e : referenceCategoryShares.entrySet()) {
                boolean minority = minorityCategories.contains(e.getKey());
                double share = shares.getOrDefault(e.getKey(), 0.0);
                categories.put(e.getKey(), new CategoryShare(e.getValue(), share, minority));
                if (minority) {
                    referenceMinority += e.getValue();
                    versionMinority += share;
                }
            }
            if (!shares.isEmpty()) {
                v.put(MINORITY_CATEGORY_RATIO, versionMinority / referenceMinority);
            }
        }
        if (embedder != null && !corpus.isEmpty()) {
            timed(millis, "embeddings", () -> {
                List<float[]> vectors = isReference ? referenceEmbeddings : embed(corpus, settings.seed() + 1);
                sizes.put(SAMPLE_EMBEDDINGS, vectors.size());
                v.put(VENDI_SCORE, VendiScore.ofUnitVectors(vectors));
                v.put(EMBEDDING_FRECHET, drift.frechetDistance(vectors));
                v.put(CENTROID_SHIFT, drift.centroidShift(vectors));
                v.put(RARE_CLUSTER_SHARE, clusters.presentShare(vectors));
                return null;
            });
        }
        v.values().removeIf(x -> x == null || !Double.isFinite(x));
        return new CollapseMeasurement(v, sizes, categories, lengthShares, perplexityShares, millis);
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

    private static Map<String, Double> categoryShares(List<CorpusText> texts) {
        Map<String, Double> shares = new TreeMap<>();
        int known = 0;
        for (CorpusText t : texts) {
            if (t.category() != null && !t.category().isBlank()) {
                shares.merge(t.category(), 1.0, Double::sum);
                known++;
            }
        }
        int total = known;
        shares.replaceAll((c, n) -> n / total);
        return shares;
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
