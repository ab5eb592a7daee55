package dev.longtail.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.dedup.BruteForceVectorIndex;
import dev.longtail.core.dedup.TieredVectorIndex;
import dev.longtail.core.dedup.VectorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HnswVectorIndexTest {

    private static float[] unit(Random random, int d) {
        float[] v = new float[d];
        double n = 0;
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= Math.sqrt(n);
        }
        return v;
    }

    /** The vector moved a little: a "paraphrase" with cosine about 0.95 to it. */
    private static float[] nudged(float[] v, Random random) {
        float[] noise = unit(random, v.length);
        float[] out = new float[v.length];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + 0.3f * noise[i];
            n += out[i] * out[i];
        }
        for (int i = 0; i < v.length; i++) {
            out[i] /= Math.sqrt(n);
        }
        return out;
    }

    @Test
    void shouldFindTheSameNearestNeighbourAsBruteForceForNearDuplicates() {
        Random random = new Random(11);
        var hnsw = new HnswVectorIndex(64);
        var exact = new BruteForceVectorIndex(64);
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            float[] v = unit(random, 64);
            stored.add(v);
            hnsw.add(v);
            exact.add(v);
        }
        int agree = 0;
        for (int i = 0; i < 200; i++) {
            float[] query = nudged(stored.get(random.nextInt(stored.size())), random);
            VectorIndex.Neighbour a = hnsw.nearest(query);
            VectorIndex.Neighbour b = exact.nearest(query);
            if (a.position() == b.position()) {
                agree++;
            }
        }
        assertTrue(agree >= 196, "HNSW agreed with brute force on " + agree + " of 200 near-duplicate queries");
        assertTrue(hnsw.memoryBytes() > 3000L * 64, "bytes " + hnsw.memoryBytes());
        assertNull(new HnswVectorIndex(8).nearest(unit(random, 8)));
    }

    @Test
    void shouldServeAsTheTieredIndexsApproximateStage() {
        Random random = new Random(12);
        var tiered = new TieredVectorIndex(32, 100, HnswVectorIndex::new);
        List<float[]> stored = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            float[] v = unit(random, 32);
            stored.add(v);
            tiered.add(v);
        }
        assertTrue(tiered.approximate());
        assertEquals(250, tiered.nearest(stored.get(250)).position());
        assertEquals(1.0, tiered.nearest(stored.get(3)).similarity(), 0.01);
    }
}
