package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VendiScoreTest {

    @Test
    void shouldGiveAboutThreeForThreePairsOfIdenticalPointsUnderTheLaplaceKernel() {
        // Friedman & Dieng 2023: samples [0, 0, 10, 10, 20, 20], k(a, b) = exp(-|a - b|) -> about 3
        double[] x = {0, 0, 10, 10, 20, 20};
        double[][] k = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                k[i][j] = Math.exp(-Math.abs(x[i] - x[j]));
            }
        }
        // numpy: exp(-sum w log w), w = eigvalsh(K / 6) -> 2.9999999958776926
        assertEquals(2.9999999958776926, VendiScore.ofKernel(k), 1e-9);
    }

    @Test
    void shouldCountIdenticalSamplesAsOneAndOrthogonalOnesAsMany() {
        List<float[]> same = List.of(unit(0, 4), unit(0, 4), unit(0, 4));
        assertEquals(1.0, VendiScore.ofUnitVectors(same), 1e-9);
        List<float[]> orthogonal = List.of(unit(0, 4), unit(1, 4), unit(2, 4), unit(3, 4));
        assertEquals(4.0, VendiScore.ofUnitVectors(orthogonal), 1e-9);
    }

    @Test
    void shouldGiveTheSameScoreInDualAndPrimalForm() {
        Random rng = new Random(3);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            float[] v = new float[8];
            double norm = 0;
            for (int j = 0; j < 8; j++) {
                v[j] = (float) rng.nextGaussian();
                norm += v[j] * v[j];
            }
            for (int j = 0; j < 8; j++) {
                v[j] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        double primal = VendiScore.primal(vectors);
        assertEquals(primal, VendiScore.dual(vectors), 1e-6);
        assertEquals(primal, VendiScore.ofUnitVectors(vectors), 1e-6);
        assertTrue(primal > 1 && primal <= 8, "at most the dimension: " + primal);
    }

    static float[] unit(int axis, int dim) {
        float[] v = new float[dim];
        v[axis] = 1;
        return v;
    }
}
