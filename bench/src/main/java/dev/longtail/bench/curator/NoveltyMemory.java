package dev.longtail.bench.curator;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.dedup.BruteForceVectorIndex;
import dev.longtail.core.dedup.VectorIndex;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/** Bytes of the curator's novelty state per accepted sample: the lexical state at full size, the vectors at a sample. */
final class NoveltyMemory {

    private NoveltyMemory() {
    }

    /** Fills a default pipeline's novelty state with {@code n} made-up samples and measures it. */
    static Map<String, Object> measure(List<String> words, int n) {
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
                        CuratorBenchText.instruction(words, random), "", randomText(words, random, CuratorBenchText.WORDS)));
            }
            pipeline.remember(chunk, false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeapAfterGc();
        Map<String, Long> parts = pipeline.memoryBytes();
        long lexical = parts.values().stream().mapToLong(Long::longValue).sum();
        double lexicalPerSample = (double) lexical / n;
        double heapPerSample = (double) (heapAfter - heapBefore) / n;
        CuratorBenchOutput.log("lexical novelty state at %d samples: %.0f bytes/sample counted, %.0f bytes/sample heap delta (%.0f s)",
                n, lexicalPerSample, heapPerSample, seconds);

        // vectors: MiniLM's 384 dimensions, int8-quantised, in the HNSW graph that takes over past the exact scan
        int vectorsMeasured = Math.min(n, 20_000);
        IntFunction<VectorIndex> ann = EmbeddingModels.annFactory();
        VectorIndex index = ann != null ? ann.apply(384) : new BruteForceVectorIndex(384);
        for (int i = 0; i < vectorsMeasured; i++) {
            index.add(randomUnit(random, 384));
        }
        double vectorPerSample = (double) index.memoryBytes() / vectorsMeasured + 4; // + position map
        double total = Math.max(lexicalPerSample, heapPerSample) + vectorPerSample;
        Map<String, Object> perSample = new LinkedHashMap<>();
        parts.forEach((k, v) -> perSample.put(k, CuratorBenchOutput.round((double) v / n)));
        out.put("bytes_per_accepted_sample", CuratorBenchOutput.round(total));
        out.put("memory", Map.of(
                "accepted_samples", n,
                "lexical_bytes_per_sample_counted", CuratorBenchOutput.round(lexicalPerSample),
                "lexical_bytes_per_sample_heap_delta", CuratorBenchOutput.round(heapPerSample),
                "lexical_parts_bytes_per_sample", perSample,
                "embedding_bytes_per_sample", CuratorBenchOutput.round(vectorPerSample),
                "embedding_index", (ann != null ? "Lucene HNSW (M=8), int8 vectors" : "exact int8 scan")
                        + ", measured at " + vectorsMeasured + " vectors",
                "note", "bytes_per_accepted_sample = max(counted, heap delta) of the lexical state at the full count "
                        + "+ the embedding index's bytes per vector; default configuration (exact re-check on)",
                "seconds_to_fill", CuratorBenchOutput.round(seconds)));
        return out;
    }

    /** {@code n} words from a random place in the corpus, every fourth replaced by a random word. */
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
}
