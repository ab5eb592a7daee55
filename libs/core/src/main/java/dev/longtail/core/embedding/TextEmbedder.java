package dev.longtail.core.embedding;

import java.util.List;

/**
 * Turns texts into unit-length sentence embeddings; the science (semantic duplicates, embedding metrics)
 * depends on this interface only, so it stays testable without a model.
 */
public interface TextEmbedder {

    /** The number of dimensions of every vector. */
    int dimension();

    /** The L2-normalised embedding of each text, in order; a blank text embeds as the zero vector (similar to nothing). */
    List<float[]> embedAll(List<String> texts);

    /** The L2-normalised embedding of one text. */
    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}
