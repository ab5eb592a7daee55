package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void shouldFindTheEigenvaluesOfAKnownMatrix() {
        // [[2,1],[1,2]] has eigenvalues 1 and 3
        double[] values = SymmetricEigen.values(new double[][] {{2, 1}, {1, 2}});
        Arrays.sort(values);
        assertArrayEquals(new double[] {1, 3}, values, 1e-12);
    }

    @Test
    void shouldReconstructARandomSymmetricMatrixFromItsDecomposition() {
        Random rng = new Random(5);
        int n = 30;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        double[][] back = SymmetricEigen.of(a).apply(x -> x);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a[i], back[i], 1e-9);
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i][i];
        }
        assertEquals(trace, Arrays.stream(SymmetricEigen.values(a)).sum(), 1e-9);
    }
}
