package dev.longtail.curator.decision;

import dev.longtail.embeddings.LazyMiniLm;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The process's one MiniLM model for the semantic stage and the embedding selection, loaded on first use (about
 * 0.6 s): a curator that never embeds never pays for it.
 */
@Singleton
public class MiniLm {

    /** A singleton, not application-scoped: {@link LazyMiniLm} is final and needs no client proxy. */
    @Produces
    @Singleton
    LazyMiniLm lazyMiniLm() {
        return new LazyMiniLm();
    }
}
