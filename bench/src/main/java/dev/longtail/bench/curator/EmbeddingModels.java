package dev.longtail.bench.curator;

import dev.longtail.core.dedup.VectorIndex;
import java.util.function.IntFunction;

/** libs/embeddings' classes, looked up by name so this module compiles without them. */
final class EmbeddingModels {

    private EmbeddingModels() {
    }

    /** Lucene HNSW indexes of a dimension, or null when libs/embeddings is not on the class path. */
    @SuppressWarnings("unchecked")
    static IntFunction<VectorIndex> annFactory() {
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
}
