package dev.longtail.bench.curator;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.dedup.VectorIndex;
import dev.longtail.core.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * MiniLM's own throughput against the full curation chain's (embeddings included) on the same distinct passages;
 * null figures, with the reason, when libs/embeddings is not on the class path.
 */
final class EmbeddingThroughput {

    private EmbeddingThroughput() {
    }

    /** The model alone, the full chain, then the model again, on {@code n} distinct passages with instructions. */
    static Map<String, Object> measure(List<String> words, int n) {
        Map<String, Object> out = new LinkedHashMap<>();
        TextEmbedder embedder;
        try {
            embedder = (TextEmbedder) Class.forName("dev.longtail.embeddings.MiniLmEmbedder").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            out.put("embedding_model_samples_per_s", null);
            out.put("full_chain_samples_per_s", null);
            out.put("embeddings_skipped", "libs/embeddings is not on the class path: " + e);
            CuratorBenchOutput.log("embeddings skipped: %s", e);
            return out;
        }
        IntFunction<VectorIndex> ann = EmbeddingModels.annFactory();
        List<String> distinct = CuratorBenchText.passages(words, CuratorBenchText.WORDS, CuratorBenchText.WORDS);
        List<CurationSample> samples = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < Math.min(n, distinct.size()); i++) {
            samples.add(new CurationSample("e" + i, CuratorBenchText.instruction(words, random), "", distinct.get(i)));
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
        out.put("embedding_model_samples_per_s", CuratorBenchOutput.round(modelPerSecond));
        out.put("full_chain_samples_per_s", CuratorBenchOutput.round(chainPerSecond));
        out.put("full_chain_vs_model", CuratorBenchOutput.round(chainPerSecond / modelPerSecond));
        out.put("full_chain", Map.of("samples", samples.size(), "batch_size", batch, "outcomes", outcomes,
                "model_seconds_before_and_after", List.of(CuratorBenchOutput.round(model1), CuratorBenchOutput.round(model2)), "chain_seconds", CuratorBenchOutput.round(chainSeconds),
                "ann_index", ann == null ? "none (exact scan only)" : "Lucene HNSW past " + full.annThreshold() + " samples"));
        CuratorBenchOutput.log("model %.1f samples/s, full chain %.1f samples/s (%.2f of the model)", modelPerSecond, chainPerSecond,
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
}
