package dev.longtail.curator;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.embeddings.MiniLmEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The process's one MiniLM model, loaded on first use (about 0.6 s): a curator that never runs the semantic stage
 * never pays for it.
 */
@ApplicationScoped
public class LazyEmbedder implements TextEmbedder {

    private volatile MiniLmEmbedder model;

    @Override
    public int dimension() {
        return MiniLmEmbedder.DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }

    private MiniLmEmbedder model() {
        MiniLmEmbedder m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new MiniLmEmbedder();
                }
                m = model;
            }
        }
        return m;
    }
}
