package dev.longtail.core.metrics;

import java.util.List;

/**
 * The Vendi score (Friedman &amp; Dieng 2023, "The Vendi Score: A Diversity Evaluation Metric for Machine
 * Learning", TMLR): the exponential of the Shannon entropy of the eigenvalues of K/n, K the n × n similarity
 * matrix with k(x, x) = 1. It reads as an effective number of distinct samples: 1 when all are identical,
 * n when all are orthogonal.
 *
 * <p>With embeddings x_i and the cosine kernel, K = X Xᵀ, and the non-zero eigenvalues of X Xᵀ/n equal those
 * of Xᵀ X/n (d × d): the dual form, used when n exceeds the dimension d, costs O(n d² + d³) instead of O(n³).
 */
public final class VendiScore {

    private VendiScore() {
    }

    /** exp(−Σ λ_i ln λ_i) over the eigenvalues λ of K/n (a symmetric kernel matrix with unit diagonal). */
    public static double ofKernel(double[][] kernel) {
        int n = kernel.length;
        if (n == 0) {
            return 0.0;
        }
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i][j] = kernel[i][j] / n;
            }
        }
        return exponentialEntropy(SymmetricEigen.values(scaled));
    }

    /**
     * The Vendi score of unit-length embeddings under the cosine kernel; zero vectors (blank texts) are left
     * out. Chooses the dual form (d × d) when n &gt; d, the primal (n × n) otherwise; both give the same value.
     */
    public static double ofUnitVectors(List<float[]> vectors) {
        List<float[]> nonZero = vectors.stream().filter(v -> squaredNorm(v) > 0).toList();
        if (nonZero.isEmpty()) {
            return 0.0;
        }
        int d = nonZero.get(0).length;
        return nonZero.size() > d ? dual(nonZero) : primal(nonZero);
    }

    /** The primal form: eigenvalues of X Xᵀ / n. Public so tests can compare both forms. */
    public static double primal(List<float[]> vectors) {
        int n = vectors.size();
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = dot(vectors.get(i), vectors.get(j));
                k[i][j] = dot;
                k[j][i] = dot;
            }
        }
        return ofKernel(k);
    }

    /** The dual form: eigenvalues of Xᵀ X / n (d × d), which equal the non-zero ones of X Xᵀ / n. */
    public static double dual(List<float[]> vectors) {
        int n = vectors.size();
        int d = vectors.get(0).length;
        double[][] c = new double[d][d];
        for (float[] x : vectors) {
            for (int i = 0; i < d; i++) {
                double xi = x[i];
                if (xi == 0) {
                    continue;
                }
                double[] row = c[i];
                for (int j = i; j < d; j++) {
                    row[j] += xi * x[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= n;
                c[j][i] = c[i][j];
            }
        }
        return exponentialEntropy(SymmetricEigen.values(c));
    }

    /** exp(H) of a spectrum normalised to sum 1; negative rounding noise is dropped. */
    static double exponentialEntropy(double[] eigenvalues) {
        double total = 0;
        for (double l : eigenvalues) {
            if (l > 0) {
                total += l;
            }
        }
        if (total <= 0) {
            return 0.0;
        }
        double entropy = 0;
        for (double l : eigenvalues) {
            if (l > 1e-15 * total) {
                double p = l / total;
                entropy -= p * Math.log(p);
            }
        }
        return Math.exp(entropy);
    }

    private static double squaredNorm(float[] v) {
        return dot(v, v);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
