package dev.longtail.bench.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.longtail.bench.Corpus;
import dev.longtail.bench.corpus.CorpusLocator;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.lm.RetrievalInterpolatedModel;
import dev.longtail.core.lm.RetrievalRecord;
import dev.longtail.core.lm.Sampling;

/**
 * The embedded backend's own speed: training an order-3 Kneser-Ney model on WikiText-2's validation text
 * and on about a million tokens, and sampling tokens per second at the plain setting (temperature 1,
 * top-p 1) and at the loop's default (temperature 1, top-p 0.95); the same for the instruction-conditioned model
 * (k = 8, λ = 0.5: every line a record found by its article's title, one request per sample, retrieval included).
 * Writes {@code generator.json}.
 */
public final class EmbeddedBackendBenchmark {

    private static final int ORDER = 3;
    private static final long SAMPLE_TOKENS = 2_000_000;

    private EmbeddedBackendBenchmark() {
    }

    /** {@code --out DIR [--corpus FILE] [--no-download]}; the corpus is found by {@link CorpusLocator}. */
    public static void main(String[] args) throws IOException {
        Path out = null;
        Path corpusArgument = null;
        boolean downloadAllowed = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--corpus" -> corpusArgument = Path.of(args[++i]);
                case "--no-download" -> downloadAllowed = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Path corpusFile = CorpusLocator.standard(System.err).locate(corpusArgument, downloadAllowed).file();
        List<List<String>> lines = new ArrayList<>();
        Corpus.read(corpusFile.normalize()).articles().forEach(a -> lines.addAll(a.lines()));
        long corpusTokens = lines.stream().mapToLong(List::size).sum();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("corpus", corpusFile.normalize().toString());
        result.put("corpus_tokens", corpusTokens);
        result.put("cores", Runtime.getRuntime().availableProcessors());

        KneserNeyModel.train(lines, ORDER); // warm-up: class loading and JIT
        long start = System.nanoTime();
        KneserNeyModel model = KneserNeyModel.train(lines, ORDER);
        result.put("train_corpus_seconds", seconds(start));

        List<List<String>> million = new ArrayList<>();
        while (million.stream().mapToLong(List::size).sum() < 1_000_000) {
            million.addAll(lines);
        }
        long millionTokens = million.stream().mapToLong(List::size).sum();
        start = System.nanoTime();
        KneserNeyModel.train(million, ORDER);
        result.put("train_1m_tokens", millionTokens);
        result.put("train_1m_seconds", seconds(start));

        result.put("sample_tokens_per_s_t1_p1", tokensPerSecond(model, new Sampling(1.0, 1.0, 200)));
        result.put("sample_tokens_per_s_t1_p095", tokensPerSecond(model, new Sampling(1.0, 0.95, 200)));

        List<RetrievalRecord> records = new ArrayList<>();
        Corpus.read(corpusFile.normalize()).articles().forEach(a -> a.lines().forEach(
                line -> records.add(new RetrievalRecord(a.title(), List.of(), line))));
        var knn = new RetrievalInterpolatedModel(model, records, 8, 0.5);
        List<String> titles = records.stream().map(RetrievalRecord::instruction).distinct().toList();
        result.put("sample_knn8_tokens_per_s_t1_p1", tokensPerSecond(knn, titles, new Sampling(1.0, 1.0, 200)));
        result.put("sample_knn8_tokens_per_s_t1_p095", tokensPerSecond(knn, titles, new Sampling(1.0, 0.95, 200)));

        Files.createDirectories(out);
        Path file = out.resolve("generator.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
        result.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-32s %s%n", k, v));
        System.out.println("wrote " + file);
    }

    /** Samples until {@link #SAMPLE_TOKENS} tokens (after a warm-up of a tenth of that), from empty prefixes. */
    private static double tokensPerSecond(KneserNeyModel model, Sampling sampling) {
        var rng = new SplittableRandom(7);
        long warm = 0;
        while (warm < SAMPLE_TOKENS / 10) {
            warm += model.sample(List.of(), sampling, rng).size() + 1;
        }
        long tokens = 0;
        long start = System.nanoTime();
        while (tokens < SAMPLE_TOKENS) {
            tokens += model.sample(List.of(), sampling, rng).size() + 1; // +1: the end-of-line event
        }
        return Math.round(tokens / seconds(start));
    }

    /** The same for the conditioned model, each sample one request for the next title (retrieval counted). */
    private static double tokensPerSecond(RetrievalInterpolatedModel model, List<String> titles, Sampling sampling) {
        var rng = new SplittableRandom(7);
        long tokens = 0;
        long start = 0;
        for (int i = 0; tokens < SAMPLE_TOKENS; i++) {
            if (start == 0 && tokens >= SAMPLE_TOKENS / 10) { // warm-up done: count from here
                tokens = 0;
                start = System.nanoTime();
            }
            tokens += model.conditionedOn(titles.get(i % titles.size())).sample(List.of(), sampling, rng).size() + 1;
        }
        return Math.round(tokens / seconds(start));
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
    }
}
