package dev.longtail.embeddings;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.embedding.Vectors;

/**
 * all-MiniLM-L6-v2 (quantised, 384 dimensions) run in-process through ONNX; the model ships inside its Maven
 * artifact. Thread-safe; load it once per process (about 0.6 s).
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** The model's output dimension. */
    public static final int DIMENSION = 384;

    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) != null && !texts.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(new float[DIMENSION]); // a vector of its own per text: callers may scale them in place
        }
        if (nonBlank.isEmpty()) {
            return vectors;
        }
        List<TextSegment> segments = nonBlank.stream().map(i -> TextSegment.from(texts.get(i))).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        for (int k = 0; k < nonBlank.size(); k++) {
            vectors.set(nonBlank.get(k), Vectors.normalised(embeddings.get(k).vector()));
        }
        return vectors;
    }
}
