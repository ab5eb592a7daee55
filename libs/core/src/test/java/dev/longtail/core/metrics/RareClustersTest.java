package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RareClustersTest {

    @Test
    void shouldFindTheSmallClusterAndMissItWhenTheCorpusLosesIt() {
        Random rng = new Random(9);
        List<float[]> big = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < 30; i++) {
                big.add(jitter(axis, rng));
            }
        }
        List<float[]> small = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            small.add(jitter(3, rng));
        }
        List<float[]> reference = new ArrayList<>(big);
        reference.addAll(small);
        RareClusters clusters = RareClusters.ofReference(reference, 4, 1);
        assertEquals(1, clusters.rareCount());
        assertEquals(1.0, clusters.presentShare(reference), 1e-12);
        assertEquals(0.0, clusters.presentShare(big), 1e-12);
        assertEquals(1.0, clusters.presentShare(small.subList(0, 1)), 1e-12);
    }

    static float[] jitter(int axis, Random rng) {
        float[] v = new float[6];
        v[axis] = 1;
        for (int j = 0; j < v.length; j++) {
            v[j] += (float) (0.05 * rng.nextGaussian());
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
