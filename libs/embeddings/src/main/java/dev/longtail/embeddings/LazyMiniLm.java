package dev.longtail.embeddings;

import dev.longtail.core.embedding.TextEmbedder;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A process's one all-MiniLM-L6-v2 model, loaded on first use (about 0.6 s), so that a service that never embeds
 * never pays for it; a model that cannot load here (its native runtime failed) is reported once, not retried.
 */
public final class LazyMiniLm implements TextEmbedder {

    private static final Logger LOG = Logger.getLogger(LazyMiniLm.class.getName());

    private final Supplier<TextEmbedder> loader;
    private volatile TextEmbedder model;
    private volatile RuntimeException failure;

    /** Loads {@link MiniLmEmbedder} on first use. */
    public LazyMiniLm() {
        this(MiniLmEmbedder::new);
    }

    /** Loads the given model on first use (tests pass a small one). */
    public LazyMiniLm(Supplier<TextEmbedder> loader) {
        this.loader = loader;
    }

    /** The model, or empty when it cannot be loaded on this machine (the error was logged once). */
    public Optional<TextEmbedder> ifAvailable() {
        try {
            return Optional.of(model());
        } catch (IllegalStateException unavailable) {
            return Optional.empty();
        }
    }

    @Override
    public int dimension() {
        return MiniLmEmbedder.DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }

    /** The loaded model; throws {@link IllegalStateException} when it cannot be loaded here. */
    private TextEmbedder model() {
        TextEmbedder m = model;
        if (m != null) {
            return m;
        }
        synchronized (this) {
            if (model == null && failure == null) {
                long start = System.nanoTime();
                try {
                    model = loader.get();
                    LOG.info(() -> "loaded all-MiniLM-L6-v2 in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                } catch (RuntimeException | LinkageError e) {
                    failure = new IllegalStateException("all-MiniLM-L6-v2 cannot be loaded here: " + e, e);
                    LOG.log(Level.SEVERE, failure.getMessage(), e);
                }
            }
            if (model == null) {
                throw failure;
            }
            return model;
        }
    }
}
