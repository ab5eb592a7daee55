package dev.longtail.bench.curator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.RejectionReason;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.dedup.BruteForceVectorIndex;
import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.dedup.VectorIndex;
import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.text.Tokenizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The curator's performance and fidelity benchmark, side by side in one run, on real text (WikiText-2 from
 * {@code ../shared/data}): throughput of the cheap stages (quality, exact, MinHash-LSH) on 100-word samples, of the
 * full chain with MiniLM embeddings against the model's own throughput on the same texts, the novelty state's bytes
 * per accepted sample at 1,000,000 samples, and near-duplicate recall and precision on pairs made by known edit
 * operations with their true (exact) Jaccard similarity. Writes {@code curator.json} to {@code --out DIR}.
 *
 * <p>Embeddings come from {@code libs/embeddings} when it is on the class path (looked up by name, so this module
 * compiles without it); without it the embedding figures are null and the reason is recorded.
 */
public final class CuratorBenchmark {

    static final String USAGE = """
            usage: CuratorBenchmark --out DIR [options]
              --out DIR               where curator.json goes (created)
              --corpus FILE           WikiText-style text (default ../shared/data/wikitext-2/valid.txt)
              --memory-samples N      accepted samples for the memory measurement (default 1000000)
              --embedding-samples N   samples for the model and full-chain throughput (default 1000)
              --pairs N               labelled near-duplicate pairs (default 4000)
              --sections LIST         subset of throughput,embeddings,memory,fidelity (default all)
            """;

    private static final int WORDS = 100;

    private CuratorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        Path corpus = Path.of(System.getProperty("longtail.home", ".")).toAbsolutePath().normalize()
                .resolve("../shared/data/wikitext-2/valid.txt").normalize();
        int memorySamples = 1_000_000;
        int embeddingSamples = 1000;
        int pairs = 4000;
        List<String> sections = List.of("throughput", "embeddings", "memory", "fidelity");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--out" -> out = Path.of(value);
                case "--corpus" -> corpus = Path.of(value);
                case "--memory-samples" -> memorySamples = positive(flag, value);
                case "--embedding-samples" -> embeddingSamples = positive(flag, value);
                case "--pairs" -> pairs = positive(flag, value);
                case "--sections" -> sections = List.of(value.split(","));
                default -> fail("unknown option " + flag);
            }
        }
        if (out == null) {
            fail("--out DIR is required");
        }
        if (!Files.isRegularFile(corpus)) {
            fail("corpus " + corpus + " not found: the benchmark needs ../shared/data/wikitext-2/valid.txt (or --corpus)");
        }
        Map<String, Object> report = run(corpus, memorySamples, embeddingSamples, pairs, sections);
        Files.createDirectories(out);
        Path file = out.resolve("curator.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println("wrote " + file);
    }

    static Map<String, Object> run(Path corpus, int memorySamples, int embeddingSamples, int pairs, List<String> sections)
            throws IOException {
        List<String> words = corpusWords(corpus);
        List<String> passages = passages(words, WORDS, 25);
        log("corpus: %d words, %d passages of %d words (stride 25)", words.size(), passages.size(), WORDS);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Map.of("available_processors", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20,
                "garbage_collectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                "system_load_average_at_start", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        report.put("corpus", Map.of("file", corpus.toString(), "words", words.size(), "passages", passages.size(),
                "words_per_sample", WORDS));

        if (sections.contains("throughput")) {
            report.putAll(throughputs(words, passages));
        }
        if (sections.contains("embeddings")) {
            // the model alone and the full chain on the same distinct passages
            report.putAll(embeddings(words, embeddingSamples));
        }
        if (sections.contains("memory")) {
            report.putAll(memory(words, memorySamples));
        }
        if (sections.contains("fidelity")) {
            report.putAll(fidelity(words, passages, pairs));
        }
        return report;
    }

    private static Map<String, Object> throughputs(List<String> words, List<String> passages) {
        Map<String, Object> report = new LinkedHashMap<>();
        // 1. cheap stages: quality, exact duplicates, MinHash-LSH near duplicates
        CurationConfig cheap = CurationConfig.DEFAULTS.toBuilder().instructionNoveltyEnabled(false).semanticEnabled(false).build();
        List<CurationSample> samples = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            samples.add(new CurationSample("p" + i, "Continue the encyclopedia article in the same style.", "", passages.get(i)));
        }
        Throughput cheapRun = throughput(samples, cheap, 1000, 5);
        report.put("cheap_stages_samples_per_s", round(cheapRun.perSecond));
        report.put("cheap_stages", cheapRun.details());
        log("cheap stages: %.0f samples/s", cheapRun.perSecond);

        // 2. every stage but the embeddings: instruction novelty (ROUGE-L) added
        CurationConfig lexical = CurationConfig.DEFAULTS.toBuilder().semanticEnabled(false).build();
        List<CurationSample> instructed = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < passages.size(); i++) {
            instructed.add(new CurationSample("q" + i, instruction(words, random), "", passages.get(i)));
        }
        Throughput lexicalRun = throughput(instructed, lexical, 1000, 3);
        report.put("lexical_chain_samples_per_s", round(lexicalRun.perSecond));
        report.put("lexical_chain", lexicalRun.details());
        log("lexical chain (with instruction novelty): %.0f samples/s", lexicalRun.perSecond);
        return report;
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Throughput(double perSecond, int samples, int rounds, double seconds, double cpuSeconds,
            double loadBefore, double loadAfter, Map<String, Integer> outcomes) {
        Map<String, Object> details() {
            int cores = Runtime.getRuntime().availableProcessors();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("samples_per_round", samples);
            d.put("measured_rounds", rounds);
            d.put("batch_size", 1000);
            d.put("wall_seconds", round(seconds));
            d.put("process_cpu_seconds", round(cpuSeconds));
            d.put("samples_per_cpu_second", round(samples * (double) rounds / cpuSeconds));
            d.put("samples_per_s_if_all_" + cores + "_cores_were_ours", round(samples * (double) rounds / cpuSeconds * cores));
            d.put("system_load_average_before_after", List.of(round(loadBefore), round(loadAfter)));
            d.put("outcomes_per_round", outcomes);
            return d;
        }
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** One warm-up round, then {@code rounds} timed rounds, each on a fresh pipeline, in batches. */
    private static Throughput throughput(List<CurationSample> samples, CurationConfig config, int batch, int rounds) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        double seconds = 0;
        double cpu = 0;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int round = 0; round <= rounds; round++) {
            CurationPipeline pipeline = new CurationPipeline(config);
            Map<String, Integer> counts = new LinkedHashMap<>();
            double cpuStart = processCpuSeconds();
            long start = System.nanoTime();
            for (int from = 0; from < samples.size(); from += batch) {
                for (SampleVerdict v : pipeline.curate(samples.subList(from, Math.min(samples.size(), from + batch)), config)) {
                    counts.merge(v.accepted() ? "ACCEPTED" : v.decision().reason().name(), 1, Integer::sum);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuElapsed = processCpuSeconds() - cpuStart;
            if (round > 0) {
                seconds += elapsed;
                cpu += cpuElapsed;
                outcomes = counts;
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Throughput(samples.size() * (double) rounds / seconds, samples.size(), rounds, seconds, cpu,
                loadBefore, loadAfter, outcomes);
    }

    private static Map<String, Object> embeddings(List<String> words, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        TextEmbedder embedder;
        try {
            embedder = (TextEmbedder) Class.forName("dev.longtail.embeddings.MiniLmEmbedder").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            out.put("embedding_model_samples_per_s", null);
            out.put("full_chain_samples_per_s", null);
            out.put("embeddings_skipped", "libs/embeddings is not on the class path: " + e);
            log("embeddings skipped: %s", e);
            return out;
        }
        IntFunction<VectorIndex> ann = annFactory();
        List<String> distinct = passages(words, WORDS, WORDS);
        List<CurationSample> samples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < Math.min(n, distinct.size()); i++) {
            samples.add(new CurationSample("e" + i, instruction(words, random), "", distinct.get(i)));
        }
        List<String> texts = samples.stream().map(CurationSample::fullText).toList();
        int batch = 100;
        embedder.embedAll(texts.subList(0, Math.min(50, texts.size()))); // load and warm the model
        double model1 = timeModel(embedder, texts, batch);
        CurationConfig full = CurationConfig.DEFAULTS;
        CurationPipeline pipeline = new CurationPipeline(full, embedder, ann);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int from = 0; from < samples.size(); from += batch) {
            for (SampleVerdict v : pipeline.curate(samples.subList(from, Math.min(samples.size(), from + batch)), full)) {
                outcomes.merge(v.accepted() ? "ACCEPTED" : v.decision().reason().name(), 1, Integer::sum);
            }
        }
        double chainSeconds = (System.nanoTime() - start) / 1e9;
        double model2 = timeModel(embedder, texts, batch);
        double modelPerSecond = 2 * samples.size() / (model1 + model2);
        double chainPerSecond = samples.size() / chainSeconds;
        out.put("embedding_model_samples_per_s", round(modelPerSecond));
        out.put("full_chain_samples_per_s", round(chainPerSecond));
        out.put("full_chain_vs_model", round(chainPerSecond / modelPerSecond));
        out.put("full_chain", Map.of("samples", samples.size(), "batch_size", batch, "outcomes", outcomes,
                "model_seconds_before_and_after", List.of(round(model1), round(model2)), "chain_seconds", round(chainSeconds),
                "ann_index", ann == null ? "none (exact scan only)" : "Lucene HNSW past " + full.annThreshold() + " samples"));
        log("model %.1f samples/s, full chain %.1f samples/s (%.2f of the model)", modelPerSecond, chainPerSecond,
                chainPerSecond / modelPerSecond);
        return out;
    }

    private static double timeModel(TextEmbedder embedder, List<String> texts, int batch) {
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + batch)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @SuppressWarnings("unchecked")
    private static IntFunction<VectorIndex> annFactory() {
        try {
            var constructor = Class.forName("dev.longtail.embeddings.HnswVectorIndex").getConstructor(int.class);
            return d -> {
                try {
                    return (VectorIndex) constructor.newInstance(d);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Bytes of the novelty state per accepted sample: the lexical state at full size, the vectors at a sample. */
    private static Map<String, Object> memory(List<String> words, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        CurationConfig config = CurationConfig.DEFAULTS;
        CurationPipeline pipeline = new CurationPipeline(config);
        SplittableRandom random = new SplittableRandom(13);
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        int batch = 10_000;
        for (int from = 0; from < n; from += batch) {
            List<CurationSample> chunk = new ArrayList<>(batch);
            for (int i = from; i < Math.min(n, from + batch); i++) {
                chunk.add(new CurationSample(String.format("campaign-0001:g%d:%d:sample", i / 100_000, i),
                        instruction(words, random), "", randomText(words, random, WORDS)));
            }
            pipeline.remember(chunk, false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeapAfterGc();
        Map<String, Long> parts = pipeline.memoryBytes();
        long lexical = parts.values().stream().mapToLong(Long::longValue).sum();
        double lexicalPerSample = (double) lexical / n;
        double heapPerSample = (double) (heapAfter - heapBefore) / n;
        log("lexical novelty state at %d samples: %.0f bytes/sample counted, %.0f bytes/sample heap delta (%.0f s)",
                n, lexicalPerSample, heapPerSample, seconds);

        // vectors: MiniLM's 384 dimensions, int8-quantised, in the HNSW graph that takes over past the exact scan
        int vectorsMeasured = Math.min(n, 20_000);
        IntFunction<VectorIndex> ann = annFactory();
        VectorIndex index = ann != null ? ann.apply(384) : new BruteForceVectorIndex(384);
        for (int i = 0; i < vectorsMeasured; i++) {
            index.add(randomUnit(random, 384));
        }
        double vectorPerSample = (double) index.memoryBytes() / vectorsMeasured + 4; // + position map
        double total = Math.max(lexicalPerSample, heapPerSample) + vectorPerSample;
        Map<String, Object> perSample = new LinkedHashMap<>();
        parts.forEach((k, v) -> perSample.put(k, round((double) v / n)));
        out.put("bytes_per_accepted_sample", round(total));
        out.put("memory", Map.of(
                "accepted_samples", n,
                "lexical_bytes_per_sample_counted", round(lexicalPerSample),
                "lexical_bytes_per_sample_heap_delta", round(heapPerSample),
                "lexical_parts_bytes_per_sample", perSample,
                "embedding_bytes_per_sample", round(vectorPerSample),
                "embedding_index", (ann != null ? "Lucene HNSW (M=8), int8 vectors" : "exact int8 scan")
                        + ", measured at " + vectorsMeasured + " vectors",
                "note", "bytes_per_accepted_sample = max(counted, heap delta) of the lexical state at the full count "
                        + "+ the embedding index's bytes per vector; default configuration (exact re-check on)",
                "seconds_to_fill", round(seconds)));
        return out;
    }

    /** Near-duplicate recall and precision on pairs made by known edits, against their exact Jaccard similarity. */
    private static Map<String, Object> fidelity(List<String> words, List<String> passages, int pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        // windows every 50 words: neighbours share half their words (Jaccard about 0.3), far from the threshold
        List<String> originals = passages(words, WORDS, 50);
        int count = Math.min(pairs, originals.size());
        SplittableRandom random = new SplittableRandom(17);
        ShingleMinHasher hasher = new ShingleMinHasher(CurationConfig.DEFAULTS.permutations(), CurationConfig.DEFAULTS.shingleSize(), 1);
        List<CurationSample> variants = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        List<String> edits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> original = List.of(originals.get(i).split(" "));
            List<String> edited = new ArrayList<>(original);
            int k = random.nextInt(21);
            for (int e = 0; e < k; e++) {
                int op = random.nextInt(4);
                int at = random.nextInt(edited.size());
                String w = words.get(random.nextInt(words.size()));
                switch (op) {
                    case 0 -> edited.set(at, w);
                    case 1 -> {
                        if (edited.size() > 10) {
                            edited.remove(at);
                        }
                    }
                    case 2 -> edited.add(at, w);
                    default -> {
                        if (at + 1 < edited.size()) {
                            String t = edited.get(at);
                            edited.set(at, edited.get(at + 1));
                            edited.set(at + 1, t);
                        }
                    }
                }
            }
            String text = String.join(" ", edited);
            variants.add(new CurationSample("v" + i, "", "", text));
            truth.add(ShingleMinHasher.jaccard(hasher.shingleSet(hashes(originals.get(i))), hasher.shingleSet(hashes(text))));
            edits.add(k + "");
        }
        List<CurationSample> indexed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexed.add(new CurationSample("o" + i, "", "", originals.get(i)));
        }
        for (boolean recheck : new boolean[] {true, false}) {
            CurationConfig config = CurationConfig.DEFAULTS.toBuilder().lengthEnabled(false).instructionEnabled(false)
                    .templateLeakEnabled(false).refusalEnabled(false).nonAlphabeticEnabled(false).repetitionEnabled(false)
                    .exactDuplicateEnabled(false).instructionNoveltyEnabled(false).semanticEnabled(false)
                    .exactJaccardRecheck(recheck).build();
            CurationPipeline pipeline = new CurationPipeline(config);
            pipeline.remember(indexed, false);
            List<SampleVerdict> verdicts = pipeline.check(variants, config);
            int truePositive = 0;
            int falsePositive = 0;
            int positives = 0;
            int[] bucketPairs = new int[20];
            int[] bucketFound = new int[20];
            for (int i = 0; i < count; i++) {
                SampleVerdict v = verdicts.get(i);
                boolean predicted = !v.accepted() && v.decision().reason() == RejectionReason.NEAR_DUPLICATE;
                boolean actual = truth.get(i) >= 0.8;
                boolean matchedOwn = predicted && ("o" + i).equals(v.duplicateOf());
                if (actual) {
                    positives++;
                }
                if (predicted && actual && matchedOwn) {
                    truePositive++;
                } else if (predicted) {
                    falsePositive++;
                }
                int bucket = Math.min(19, (int) Math.floor(truth.get(i) * 20 + 1e-9));
                bucketPairs[bucket]++;
                if (matchedOwn) {
                    bucketFound[bucket]++;
                }
            }
            List<Map<String, Object>> curve = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                if (bucketPairs[b] > 0) {
                    curve.add(Map.of("jaccard_from", b / 20.0, "jaccard_to", (b + 1) / 20.0, "pairs", bucketPairs[b],
                            "flagged_share", round((double) bucketFound[b] / bucketPairs[b])));
                }
            }
            double recall = positives == 0 ? 0 : (double) truePositive / positives;
            double precision = truePositive + falsePositive == 0 ? 1 : (double) truePositive / (truePositive + falsePositive);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("near_dup_recall_at_0_8", round(recall));
            result.put("near_dup_precision", round(precision));
            result.put("pairs", count);
            result.put("pairs_at_or_above_0_8", positives);
            result.put("flagged", truePositive + falsePositive);
            result.put("recall_curve", curve);
            if (recheck) {
                out.put("near_dup_recall_at_0_8", round(recall));
                out.put("near_dup_precision", round(precision));
                out.put("near_dup_default_exact_recheck", result);
            } else {
                out.put("near_dup_estimate_only", result);
            }
            log("near duplicates%s: recall@0.8 %.3f, precision %.3f over %d pairs (%d at J >= 0.8)",
                    recheck ? " (default: exact re-check)" : " (MinHash estimate only)", recall, precision, count, positives);
        }
        out.put("near_dup_labelled_set", "first " + count + " 100-word WikiText-2 passages (one every 50 words), each edited "
                + "by k ~ U{0..20} random word substitutions, deletions, insertions and adjacent swaps; truth = exact "
                + "Jaccard of the word 5-gram sets; a pair counts as found when the variant is flagged as a near "
                + "duplicate of its own original among all originals");
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long[] hashes(String text) {
        return ShingleMinHasher.tokenHashes(Tokenizer.tokenize(text).stream().filter(Tokenizer::isWord).toList());
    }

    /** WikiText-2 words without headings, with its "@-@"-style joiners undone and "<unk>" dropped. */
    static List<String> corpusWords(Path corpus) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(corpus)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("=")) {
                continue;
            }
            l = l.replace(" @-@ ", "-").replace(" @,@ ", ",").replace(" @.@ ", ".").replace("<unk>", "");
            for (String w : l.split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** Consecutive windows of {@code size} words every {@code stride} words. */
    static List<String> passages(List<String> words, int size, int stride) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from + size <= words.size(); from += stride) {
            out.add(String.join(" ", words.subList(from, from + size)));
        }
        return out;
    }

    private static String instruction(List<String> words, SplittableRandom random) {
        String[] verbs = {"Explain", "Describe", "Summarise", "Discuss", "Outline", "Compare"};
        StringBuilder sb = new StringBuilder(verbs[random.nextInt(verbs.length)]);
        int n = 4 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(words.get(random.nextInt(words.size())).toLowerCase(Locale.ROOT));
        }
        return sb.append('.').toString();
    }

    private static String randomText(List<String> words, SplittableRandom random, int n) {
        int from = random.nextInt(words.size() - n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // a random word every few words keeps texts distinct (a real corpus would not repeat itself this much)
            String w = i % 4 == 0 ? words.get(random.nextInt(words.size())) : words.get(from + i);
            sb.append(i == 0 ? "" : " ").append(w);
        }
        return sb.toString();
    }

    private static float[] randomUnit(SplittableRandom random, int d) {
        float[] v = new float[d];
        double n = 0;
        for (int i = 0; i < d; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
            n += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= Math.sqrt(n);
        }
        return v;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void log(String format, Object... args) {
        System.err.println("[curator-bench] " + String.format(Locale.ROOT, format, args));
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                fail(flag + " must be >= 1, was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            fail(flag + " needs a whole number, was '" + value + "'");
            return 0;
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
