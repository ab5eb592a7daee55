package dev.longtail.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The reference's rare semantic regions and whether a corpus still reaches them. The reference embeddings
 * are clustered by spherical k-means (cosine; k-means++ seeding, Arthur &amp; Vassilvitskii 2007, seeded);
 * a cluster is rare when it holds fewer than half the mean cluster size (or, if none does, the smallest
 * quarter of clusters). A rare cluster is present in a corpus when one of its embeddings has that cluster's
 * centroid as nearest and lies within the cluster's radius (the lowest cosine of a reference member to its
 * centroid). The embedding counterpart of tail coverage (Dohmatob et al. 2024).
 */
public final class RareClusters {

    private static final int ITERATIONS = 25;

    private final float[][] centroids;
    private final double[] radius;
    private final int[] rare;

    private RareClusters(float[][] centroids, double[] radius, int[] rare) {
        this.centroids = centroids;
        this.radius = radius;
        this.rare = rare;
    }

    /** Clusters the reference's unit embeddings into k clusters (k clamped to [1, n/2]). */
    public static RareClusters ofReference(List<float[]> reference, int k, long seed) {
        List<float[]> points = reference.stream().filter(v -> dot(v, v) > 0).toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the reference has no non-zero embedding");
        }
        k = Math.max(1, Math.min(k, points.size() / 2));
        Random rng = new Random(seed);
        float[][] centroids = seed(points, k, rng);
        int[] assignment = new int[points.size()];
        for (int it = 0; it < ITERATIONS; it++) {
            boolean changed = false;
            for (int i = 0; i < points.size(); i++) {
                int best = nearest(centroids, points.get(i));
                changed |= best != assignment[i] || it == 0;
                assignment[i] = best;
            }
            centroids = recentre(points, assignment, centroids);
            if (!changed) {
                break;
            }
        }
        int[] sizes = new int[k];
        double[] radius = new double[k];
        Arrays.fill(radius, 1.0);
        for (int i = 0; i < points.size(); i++) {
            int c = nearest(centroids, points.get(i));
            sizes[c]++;
            radius[c] = Math.min(radius[c], dot(points.get(i), centroids[c]));
        }
        double half = 0.5 * points.size() / k;
        List<Integer> rare = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0 && sizes[c] < half) {
                rare.add(c);
            }
        }
        if (rare.isEmpty()) {
            Integer[] bySize = new Integer[k];
            for (int c = 0; c < k; c++) {
                bySize[c] = c;
            }
            Arrays.sort(bySize, (a, b) -> Integer.compare(sizes[a], sizes[b]));
            for (int c = 0; c < Math.max(1, k / 4); c++) {
                rare.add(bySize[c]);
            }
        }
        return new RareClusters(centroids, radius, rare.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of rare clusters. */
    public int rareCount() {
        return rare.length;
    }

    /** Number of clusters. */
    public int clusterCount() {
        return centroids.length;
    }

    /** Share of the rare clusters that the corpus's embeddings still reach. */
    public double presentShare(List<float[]> corpus) {
        boolean[] present = new boolean[centroids.length];
        for (float[] v : corpus) {
            if (dot(v, v) == 0) {
                continue;
            }
            int c = nearest(centroids, v);
            if (dot(v, centroids[c]) >= radius[c] - 1e-6) {
                present[c] = true;
            }
        }
        int found = 0;
        for (int c : rare) {
            if (present[c]) {
                found++;
            }
        }
        return (double) found / rare.length;
    }

    private static float[][] seed(List<float[]> points, int k, Random rng) {
        float[][] centroids = new float[k][];
        centroids[0] = points.get(rng.nextInt(points.size())).clone();
        double[] distance = new double[points.size()];
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                double d = Math.max(0, 1 - dot(points.get(i), centroids[c - 1]));
                distance[i] = Math.min(distance[i], d * d);
                total += distance[i];
            }
            int chosen = rng.nextInt(points.size());
            if (total > 0) {
                double r = rng.nextDouble() * total;
                for (int i = 0; i < points.size(); i++) {
                    r -= distance[i];
                    if (r <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = points.get(chosen).clone();
        }
        return centroids;
    }

    private static float[][] recentre(List<float[]> points, int[] assignment, float[][] old) {
        int k = old.length;
        int d = old[0].length;
        double[][] sums = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < points.size(); i++) {
            float[] p = points.get(i);
            double[] s = sums[assignment[i]];
            sizes[assignment[i]]++;
            for (int j = 0; j < d; j++) {
                s[j] += p[j];
            }
        }
        float[][] out = new float[k][];
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (double x : sums[c]) {
                norm += x * x;
            }
            if (sizes[c] == 0 || norm == 0) {
                out[c] = old[c]; // an emptied cluster keeps its centroid
                continue;
            }
            norm = Math.sqrt(norm);
            out[c] = new float[d];
            for (int j = 0; j < d; j++) {
                out[c][j] = (float) (sums[c][j] / norm);
            }
        }
        return out;
    }

    private static int nearest(float[][] centroids, float[] v) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double s = dot(centroids[c], v);
            if (s > bestDot) {
                bestDot = s;
                best = c;
            }
        }
        return best;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
