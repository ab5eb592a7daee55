package dev.longtail.evaluator.evaluation;

import dev.longtail.embeddings.LazyMiniLm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The process's one sentence-embedding model (all-MiniLM-L6-v2) as a bean, loaded on its first use only: a
 * process whose embedding metrics are off ({@code longtail.evaluator.metrics.embedding-sample} &lt;= 0) never loads it.
 */
@ApplicationScoped
public class EmbeddingModel {

    /** A singleton, not a client proxy: {@link LazyMiniLm} is final and does its own lazy loading. */
    @Produces
    @Singleton
    LazyMiniLm miniLm() {
        return new LazyMiniLm();
    }
}
