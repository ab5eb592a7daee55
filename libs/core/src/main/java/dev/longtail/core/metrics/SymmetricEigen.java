package dev.longtail.core.metrics;

/**
 * Eigenvalues (and optionally eigenvectors) of a real symmetric matrix by the cyclic Jacobi method
 * (Golub &amp; Van Loan, "Matrix Computations", §8.5): slow in theory, exact to rounding, and small enough
 * for the 384 × 384 matrices of the embedding metrics (about a second on two cores).
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 60;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** The eigenvalues of a symmetric matrix (the input is not changed); order unspecified. */
    public static double[] values(double[][] symmetric) {
        return decompose(symmetric, false).values;
    }

    /** Eigenvalues and eigenvectors: column j of {@link #vectors()} belongs to {@code values()[j]}. */
    public static SymmetricEigen of(double[][] symmetric) {
        return decompose(symmetric, true);
    }

    /** The eigenvalues. */
    public double[] values() {
        return values.clone();
    }

    /** The orthonormal eigenvectors as columns (V with A = V diag(λ) Vᵀ). */
    public double[][] vectors() {
        return vectors;
    }

    /** The symmetric matrix V f(λ) Vᵀ: for example the square root of a positive semi-definite matrix. */
    public double[][] apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[] fv = new double[n];
        for (int k = 0; k < n; k++) {
            fv[k] = f.applyAsDouble(values[k]);
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] vi = vectors[i];
            for (int j = i; j < n; j++) {
                double[] vj = vectors[j];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += vi[k] * fv[k] * vj[k];
                }
                out[i][j] = sum;
                out[j][i] = sum;
            }
        }
        return out;
    }

    private static SymmetricEigen decompose(double[][] input, boolean wantVectors) {
        int n = input.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (input[i].length != n) {
                throw new IllegalArgumentException("matrix is not square");
            }
            a[i] = input[i].clone();
        }
        double[][] v = null;
        if (wantVectors) {
            v = new double[n][n];
            for (int i = 0; i < n; i++) {
                v[i][i] = 1;
            }
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scale += a[i][j] * a[i][j];
            }
        }
        double tolerance = 1e-30 * Math.max(scale, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= tolerance) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    // Numerical Recipes' form of A' = Jᵀ A J: rows/columns p and q change, (p,q) becomes 0.
                    for (int k = 0; k < n; k++) {
                        if (k == p || k == q) {
                            continue;
                        }
                        double akp = a[k][p];
                        double akq = a[k][q];
                        double newKp = c * akp - s * akq;
                        double newKq = s * akp + c * akq;
                        a[k][p] = newKp;
                        a[p][k] = newKp;
                        a[k][q] = newKq;
                        a[q][k] = newKq;
                    }
                    a[p][p] -= t * apq;
                    a[q][q] += t * apq;
                    a[p][q] = 0;
                    a[q][p] = 0;
                    if (v != null) {
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k][p];
                            double vkq = v[k][q];
                            v[k][p] = c * vkp - s * vkq;
                            v[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }
}
