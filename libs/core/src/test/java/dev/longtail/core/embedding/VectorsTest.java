package dev.longtail.core.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void shouldComputeCosineOfKnownVectors() {
        assertEquals(1.0, Vectors.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(0.0, Vectors.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-9);
        assertEquals(-1.0, Vectors.cosine(new float[] {1, 1}, new float[] {-1, -1}), 1e-9);
    }

    @Test
    void shouldNormaliseToUnitLength() {
        float[] unit = Vectors.normalised(new float[] {3, 4});
        assertEquals(0.6, unit[0], 1e-6);
        assertEquals(0.8, unit[1], 1e-6);
        assertEquals(1.0, Vectors.norm(unit), 1e-6);
    }

    @Test
    void shouldRefuseVectorsOfDifferentDimensions() {
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[] {1}, new float[] {1, 2}));
    }
}
