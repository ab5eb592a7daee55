package dev.longtail.core.metrics;

import java.util.List;

/**
 * How far a corpus's embeddings have moved from the reference's: the Fréchet distance between the two
 * Gaussians fitted to the embeddings (Heusel et al. 2017, "GANs Trained by a Two Time-Scale Update Rule
 * Converge to a Local Nash Equilibrium", the FID; on sentence embeddings as in Semeniuta et al. 2018's
 * Fréchet InferSent Distance), and the Euclidean shift of the centroid.
 *
 * <pre>
 *   FD = ‖μ_r − μ_v‖² + Tr(Σ_r + Σ_v − 2 (Σ_r Σ_v)^{1/2}),   Tr (Σ_r Σ_v)^{1/2} = Σ √λ_i(S Σ_v S), S = Σ_r^{1/2}
 * </pre>
 * The reference side (μ_r, Σ_r, S) is computed once; S Σ_v S is symmetric positive semi-definite, so its
 * eigenvalues come from the symmetric solver. Covariances are the maximum-likelihood ones (divided by n).
 */
public final class EmbeddingDrift {

    private final double[] referenceMean;
    private final double[][] referenceCovariance;
    private final double[][] referenceSqrt;

    private EmbeddingDrift(double[] mean, double[][] covariance) {
        this.referenceMean = mean;
        this.referenceCovariance = covariance;
        this.referenceSqrt = SymmetricEigen.of(covariance).apply(l -> Math.sqrt(Math.max(0, l)));
    }

    /** Fits the reference Gaussian once. */
    public static EmbeddingDrift ofReference(List<float[]> reference) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference has no embeddings");
        }
        double[] mean = mean(reference);
        return new EmbeddingDrift(mean, covariance(reference, mean));
    }

    /** The Fréchet distance of the corpus's embedding Gaussian to the reference's; NaN for an empty corpus. */
    public double frechetDistance(List<float[]> corpus) {
        if (corpus.isEmpty()) {
            return Double.NaN;
        }
        double[] mean = mean(corpus);
        double[][] cov = covariance(corpus, mean);
        int d = mean.length;
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = mean[i] - referenceMean[i];
            meanTerm += diff * diff;
        }
        double[][] m = multiply(multiply(referenceSqrt, cov), referenceSqrt);
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double avg = (m[i][j] + m[j][i]) / 2; // symmetric up to rounding
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
        double traceSqrt = 0;
        for (double l : SymmetricEigen.values(m)) {
            traceSqrt += Math.sqrt(Math.max(0, l));
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += referenceCovariance[i][i] + cov[i][i];
        }
        return Math.max(0, meanTerm + trace - 2 * traceSqrt);
    }

    /** ‖μ_r − μ_v‖: how far the corpus's centroid has moved; NaN for an empty corpus. */
    public double centroidShift(List<float[]> corpus) {
        if (corpus.isEmpty()) {
            return Double.NaN;
        }
        double[] mean = mean(corpus);
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            double diff = mean[i] - referenceMean[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    static double[] mean(List<float[]> vectors) {
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int i = 0; i < d; i++) {
                mean[i] += v[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= vectors.size();
        }
        return mean;
    }

    static double[][] covariance(List<float[]> vectors, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        double[] centred = new double[d];
        for (float[] v : vectors) {
            for (int i = 0; i < d; i++) {
                centred[i] = v[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                double ci = centred[i];
                double[] row = c[i];
                for (int j = i; j < d; j++) {
                    row[j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= vectors.size();
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int x = 0; x < k; x++) {
                double aix = a[i][x];
                if (aix == 0) {
                    continue;
                }
                double[] bx = b[x];
                for (int j = 0; j < m; j++) {
                    oi[j] += aix * bx[j];
                }
            }
        }
        return out;
    }
}
