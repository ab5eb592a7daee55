package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingDriftTest {

    @Test
    void shouldBeZeroForTheReferenceItself() {
        List<float[]> reference = gaussian(400, new double[] {0, 0, 0}, new double[] {1, 2, 0.5}, 1);
        EmbeddingDrift drift = EmbeddingDrift.ofReference(reference);
        assertEquals(0.0, drift.frechetDistance(reference), 1e-6);
        assertEquals(0.0, drift.centroidShift(reference), 1e-9);
    }

    @Test
    void shouldMatchTheClosedFormForDiagonalGaussians() {
        // For diagonal covariances FD = Σ (μ1 − μ2)² + Σ (σ1 − σ2)², computed here on the samples' own moments.
        List<float[]> a = gaussian(3000, new double[] {0, 0}, new double[] {1, 3}, 2);
        List<float[]> b = gaussian(3000, new double[] {2, -1}, new double[] {2, 1}, 3);
        double expected = 0;
        double[] ma = EmbeddingDrift.mean(a);
        double[] mb = EmbeddingDrift.mean(b);
        double[][] ca = EmbeddingDrift.covariance(a, ma);
        double[][] cb = EmbeddingDrift.covariance(b, mb);
        for (int i = 0; i < 2; i++) {
            expected += Math.pow(ma[i] - mb[i], 2) + Math.pow(Math.sqrt(ca[i][i]) - Math.sqrt(cb[i][i]), 2);
        }
        // off-diagonal sample covariance is small but not zero: allow for it
        assertEquals(expected, EmbeddingDrift.ofReference(a).frechetDistance(b), 0.05);
        assertEquals(Math.sqrt(Math.pow(ma[0] - mb[0], 2) + Math.pow(ma[1] - mb[1], 2)),
                EmbeddingDrift.ofReference(a).centroidShift(b), 1e-9);
    }

    @Test
    void shouldGrowAsTheCorpusMovesAway() {
        List<float[]> reference = gaussian(500, new double[] {0, 0, 0}, new double[] {1, 1, 1}, 4);
        EmbeddingDrift drift = EmbeddingDrift.ofReference(reference);
        double near = drift.frechetDistance(gaussian(500, new double[] {0.2, 0, 0}, new double[] {1, 1, 1}, 5));
        double far = drift.frechetDistance(gaussian(500, new double[] {2, 0, 0}, new double[] {0.2, 0.2, 0.2}, 6));
        assertTrue(near < far, near + " < " + far);
    }

    static List<float[]> gaussian(int n, double[] mean, double[] sd, long seed) {
        Random rng = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                v[j] = (float) (mean[j] + sd[j] * rng.nextGaussian());
            }
            out.add(v);
        }
        return out;
    }
}
