package dev.longtail.core.curation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-means (Lloyd 1982) with k-means++ seeding (Arthur &amp; Vassilvitskii 2007) on unit vectors, nearest centroid
 * by dot product (for unit vectors the same ranking as Euclidean distance); deterministic for a seed.
 */
public final class KMeans {

    private final float[][] centroids;

    private KMeans(float[][] centroids) {
        this.centroids = centroids;
    }

    /** Clusters the points into at most k clusters (fewer when there are fewer points) in at most {@code iterations} rounds. */
    public static KMeans fit(List<float[]> points, int k, int iterations, long seed) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("k-means needs at least one point");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int n = points.size();
        int clusters = Math.min(k, n);
        int d = points.get(0).length;
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centroids = new float[clusters][];
        centroids[0] = points.get(random.nextInt(n)).clone();
        double[] distance = new double[n];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(points.get(i), centroids[c - 1]));
                total += distance[i];
            }
            int chosen = random.nextInt(n);
            if (total > 0) {
                double r = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    r -= distance[i];
                    if (r <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = points.get(chosen).clone();
        }
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int round = 0; round < iterations; round++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int a = nearest(centroids, points.get(i));
                if (a != assignment[i]) {
                    assignment[i] = a;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            float[][] sums = new float[clusters][d];
            int[] counts = new int[clusters];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                float[] p = points.get(i);
                for (int j = 0; j < d; j++) {
                    sums[assignment[i]][j] += p[j];
                }
            }
            for (int c = 0; c < clusters; c++) {
                if (counts[c] > 0) {
                    centroids[c] = normalised(sums[c]);
                }
            }
        }
        return new KMeans(centroids);
    }

    /** Index of the nearest centroid. */
    public int assign(float[] point) {
        return nearest(centroids, point);
    }

    public int clusters() {
        return centroids.length;
    }

    private static int nearest(float[][] centroids, float[] p) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double dot = 0;
            for (int j = 0; j < p.length; j++) {
                dot += centroids[c][j] * p[j];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = c;
            }
        }
        return best;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - b[i];
            s += x * x;
        }
        return s;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
