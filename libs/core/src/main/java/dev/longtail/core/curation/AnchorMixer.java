package dev.longtail.core.curation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How much real anchor data goes into a dataset version, and which. Keeping real data in every
 * generation bounds the drift that retraining on synthetic data causes (Gerstgrasser et al. 2024;
 * Shumailov et al., Nature 2024).
 */
public final class AnchorMixer {

    private AnchorMixer() {
    }

    /**
     * Anchors needed so that they make up {@code anchorRatio} of the version:
     * a / (a + s) = ratio ⇒ a = ratio / (1 − ratio) · s, rounded, capped by the pool size.
     */
    public static int anchorCount(int acceptedSynthetic, double anchorRatio, int poolSize) {
        if (!(anchorRatio >= 0 && anchorRatio < 1)) {
            throw new IllegalArgumentException("anchorRatio must be in [0, 1), was " + anchorRatio);
        }
        if (acceptedSynthetic < 0 || poolSize < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        long wanted = Math.round(anchorRatio / (1 - anchorRatio) * acceptedSynthetic);
        return (int) Math.min(poolSize, wanted);
    }

    /**
     * {@code count} distinct items drawn without replacement with a seeded partial Fisher-Yates shuffle;
     * the same pool, count and seed always give the same items, returned in their pool order.
     */
    public static <T> List<T> choose(List<T> pool, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        int n = pool.size();
        if (count >= n) {
            return new ArrayList<>(pool);
        }
        // the first count positions of the seeded order are exactly the partial shuffle's draw
        int[] chosen = Arrays.copyOf(order(n, seed), count);
        Arrays.sort(chosen);
        List<T> result = new ArrayList<>(count);
        for (int i : chosen) {
            result.add(pool.get(i));
        }
        return result;
    }

    /**
     * The seeded random order of {@code n} positions (a Fisher-Yates shuffle): its first k positions are the k items
     * {@link #choose} draws with the same seed, so a draw and a walk in this order agree.
     */
    public static int[] order(int n, long seed) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n - 1; i++) {
            int j = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        return index;
    }
}
