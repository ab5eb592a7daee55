package dev.longtail.core.curation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cluster-quota selection (the curator's {@code POST /api/v1/select}): chooses a budget of accepted samples so
 * that the real reference's rare regions are not crowded out (the tails go first under collapse: Shumailov et
 * al., Nature 2024; Dohmatob et al. 2024). The reference is clustered with k-means (on sentence embeddings or
 * {@link NgramProfile}s); each cluster c with reference share p_c gets the quota budget · p_c^(1−β) / Σ p^(1−β),
 * β the tail boost (0: the reference's proportions, 1: every cluster equal). Candidates fill their nearest
 * cluster's quota (seeded random order within a cluster); quota a cluster cannot fill passes to the others in
 * proportion, so the budget is spent when there are enough candidates.
 */
public final class ClusterQuotaSelection {

    private ClusterQuotaSelection() {
    }

    /** Settings: cluster count, tail boost β in [0, 1], k-means rounds and seed. */
    public record Settings(int clusters, double tailBoost, int iterations, long seed) {

        public static final Settings DEFAULTS = new Settings(16, 0.5, 25, 42L);

        /** Validates the settings. */
        public Settings {
            if (clusters < 1) {
                throw new IllegalArgumentException("clusters must be >= 1, was " + clusters);
            }
            if (!(tailBoost >= 0 && tailBoost <= 1)) {
                throw new IllegalArgumentException("tailBoost must be in [0, 1], was " + tailBoost);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
            }
        }
    }

    /** One cluster's shares of the reference, the candidates and the selection. */
    public record ClusterShare(int cluster, int reference, int candidates, int quota, int selected,
            double referenceShare, double candidateShare, double selectedShare) {
    }

    /** The chosen candidate indexes (ascending) and the per-cluster report. */
    public record Result(List<Integer> selected, List<ClusterShare> clusters) {
    }

    /** Selects at most {@code budget} of the candidates, by the reference's clusters. */
    public static Result select(List<float[]> reference, List<float[]> candidates, int budget, Settings settings) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget);
        }
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference is empty: nothing to keep the tails of");
        }
        KMeans kmeans = KMeans.fit(reference, settings.clusters(), settings.iterations(), settings.seed());
        int k = kmeans.clusters();
        int[] referenceCounts = new int[k];
        for (float[] r : reference) {
            referenceCounts[kmeans.assign(r)]++;
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < candidates.size(); i++) {
            members.get(kmeans.assign(candidates.get(i))).add(i);
        }
        SplittableRandom random = new SplittableRandom(settings.seed() * 31 + 1);
        for (List<Integer> m : members) {
            for (int i = m.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = m.get(i);
                m.set(i, m.get(j));
                m.set(j, t);
            }
        }
        int[] quota = quotas(referenceCounts, members, Math.min(budget, candidates.size()), settings.tailBoost());
        List<Integer> selected = new ArrayList<>();
        int[] selectedCounts = new int[k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < quota[c]; i++) {
                selected.add(members.get(c).get(i));
            }
            selectedCounts[c] = quota[c];
        }
        selected.sort(null);
        List<ClusterShare> shares = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            shares.add(new ClusterShare(c, referenceCounts[c], members.get(c).size(), quota[c], selectedCounts[c],
                    share(referenceCounts[c], reference.size()), share(members.get(c).size(), candidates.size()),
                    share(selectedCounts[c], selected.size())));
        }
        return new Result(selected, shares);
    }

    /** Largest-remainder quotas ∝ p^(1−β), capped by the candidates available, surplus passed on. */
    static int[] quotas(int[] referenceCounts, List<List<Integer>> members, int budget, double tailBoost) {
        int k = referenceCounts.length;
        int total = Arrays.stream(referenceCounts).sum();
        int[] quota = new int[k];
        boolean[] full = new boolean[k];
        int remaining = budget;
        while (remaining > 0) {
            double weightSum = 0;
            double[] weight = new double[k];
            for (int c = 0; c < k; c++) {
                if (!full[c] && referenceCounts[c] > 0) {
                    weight[c] = Math.pow((double) referenceCounts[c] / total, 1 - tailBoost);
                    weightSum += weight[c];
                }
            }
            if (weightSum == 0) {
                // clusters of the reference are exhausted: candidates nearest to no reference point are not wanted
                break;
            }
            int given = 0;
            double[] remainder = new double[k];
            int[] add = new int[k];
            for (int c = 0; c < k; c++) {
                double exact = remaining * weight[c] / weightSum;
                add[c] = (int) Math.floor(exact);
                remainder[c] = exact - add[c];
                given += add[c];
            }
            for (int left = remaining - given; left > 0; left--) {
                int best = -1;
                for (int c = 0; c < k; c++) {
                    if (weight[c] > 0 && (best < 0 || remainder[c] > remainder[best])) {
                        best = c;
                    }
                }
                add[best]++;
                remainder[best] = -1;
            }
            boolean progress = false;
            for (int c = 0; c < k; c++) {
                int room = members.get(c).size() - quota[c];
                int take = Math.min(add[c], room);
                if (take > 0) {
                    progress = true;
                }
                quota[c] += take;
                remaining -= take;
                if (quota[c] >= members.get(c).size()) {
                    full[c] = true;
                }
            }
            if (!progress) {
                break;
            }
        }
        return quota;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
