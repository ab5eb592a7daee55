package dev.longtail.bench.curator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.longtail.bench.corpus.CorpusLocator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curator's performance and fidelity benchmark, side by side in one run, on real text (WikiText-2, found by
 * {@link CorpusLocator}): throughput of the cheap stages (quality, exact, MinHash-LSH) on 100-word samples, of the
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
              --corpus FILE           WikiText-style text (default WikiText-2's valid.txt: $LONGTAIL_CORPUS,
                                      ../shared/data/wikitext-2/valid.txt, the user cache, or downloaded once)
              --no-download           never download the corpus (also: LONGTAIL_NO_DOWNLOAD=1)
              --memory-samples N      accepted samples for the memory measurement (default 1000000)
              --embedding-samples N   samples for the model and full-chain throughput (default 1000)
              --pairs N               labelled near-duplicate pairs (default 4000)
              --sections LIST         subset of throughput,embeddings,memory,fidelity (default all)
            """;

    private CuratorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        Path corpus = null;
        boolean downloadAllowed = true;
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
            if (flag.equals("--no-download")) {
                downloadAllowed = false;
                continue;
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
        Path file = CorpusLocator.standard(System.err).locate(corpus, downloadAllowed).file();
        Map<String, Object> report = run(file, memorySamples, embeddingSamples, pairs, sections);
        Files.createDirectories(out);
        Path json = out.resolve("curator.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("wrote " + json);
    }

    static Map<String, Object> run(Path corpus, int memorySamples, int embeddingSamples, int pairs, List<String> sections)
            throws IOException {
        List<String> words = CuratorBenchText.corpusWords(corpus);
        List<String> passages = CuratorBenchText.passages(words, CuratorBenchText.WORDS, 25);
        CuratorBenchOutput.log("corpus: %d words, %d passages of %d words (stride 25)", words.size(), passages.size(),
                CuratorBenchText.WORDS);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Map.of("available_processors", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20,
                "garbage_collectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                "system_load_average_at_start", CuratorBenchOutput.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())));
        report.put("corpus", Map.of("file", corpus.toString(), "words", words.size(), "passages", passages.size(),
                "words_per_sample", CuratorBenchText.WORDS));

        if (sections.contains("throughput")) {
            report.putAll(LexicalThroughput.measure(words, passages));
        }
        if (sections.contains("embeddings")) {
            // the model alone and the full chain on the same distinct passages
            report.putAll(EmbeddingThroughput.measure(words, embeddingSamples));
        }
        if (sections.contains("memory")) {
            report.putAll(NoveltyMemory.measure(words, memorySamples));
        }
        if (sections.contains("fidelity")) {
            report.putAll(NearDuplicateFidelity.measure(words, passages, pairs));
        }
        return report;
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
