package dev.longtail.evaluator;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.embeddings.MiniLmEmbedder;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The process's one sentence-embedding model (all-MiniLM-L6-v2), loaded on first use and only when the
 * embedding metrics are on ({@code longtail.evaluator.metrics.embedding-sample} &gt; 0).
 */
@ApplicationScoped
public class Embeddings {

    private static final Logger LOG = Logger.getLogger(Embeddings.class);

    private final EvaluatorConfig config;
    private volatile TextEmbedder embedder;
    private volatile boolean unavailable;

    public Embeddings(EvaluatorConfig config) {
        this.config = config;
    }

    /**
     * The embedder, or null when the embedding metrics are off or the model cannot be loaded here (its native
     * runtime failed: then the evaluations go on without the embedding metrics, and the error is logged once).
     */
    public TextEmbedder embedder() {
        if (config.metrics().embeddingSample() <= 0 || unavailable) {
            return null;
        }
        TextEmbedder e = embedder;
        if (e == null) {
            synchronized (this) {
                if (embedder == null && !unavailable) {
                    long start = System.nanoTime();
                    try {
                        embedder = new MiniLmEmbedder();
                        LOG.infof("loaded all-MiniLM-L6-v2 in %d ms", (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException | LinkageError failure) {
                        unavailable = true;
                        LOG.errorf(failure, "all-MiniLM-L6-v2 cannot be loaded; evaluating without the embedding metrics");
                    }
                }
                e = embedder;
            }
        }
        return e;
    }
}
