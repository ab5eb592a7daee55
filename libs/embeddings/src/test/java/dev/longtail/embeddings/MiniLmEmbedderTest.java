package dev.longtail.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.longtail.core.embedding.Vectors;

class MiniLmEmbedderTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    @Test
    void shouldEmbedIntoUnitVectorsOf384Dimensions() {
        List<float[]> vectors = EMBEDDER.embedAll(List.of("How do I repot a cactus?", "Name three moons of Jupiter."));

        assertEquals(2, vectors.size());
        vectors.forEach(v -> {
            assertEquals(384, v.length);
            assertEquals(1.0, Vectors.norm(v), 1e-4);
        });
    }

    @Test
    void shouldEmbedABlankTextAsTheZeroVectorAndKeepTheOrder() {
        List<float[]> vectors = EMBEDDER.embedAll(java.util.Arrays.asList("Tides follow the moon.", " ", null));

        assertEquals(1.0, Vectors.norm(vectors.get(0)), 1e-4);
        assertEquals(0.0, Vectors.norm(vectors.get(1)), 0.0);
        assertEquals(0.0, Vectors.norm(vectors.get(2)), 0.0);
    }

    @Test
    void shouldPlaceParaphrasesCloserThanUnrelatedTexts() {
        float[] question = EMBEDDER.embed("How do I bake sourdough bread at home?");
        float[] paraphrase = EMBEDDER.embed("What is the way to make sourdough bread in my own kitchen?");
        float[] unrelated = EMBEDDER.embed("The tide rises twice a day because of the moon.");

        double close = Vectors.dot(question, paraphrase);
        double far = Vectors.dot(question, unrelated);
        assertTrue(close > 0.7, "paraphrase similarity " + close);
        assertTrue(far < 0.3, "unrelated similarity " + far);
    }
}
