package dev.longtail.core.lm;

import java.util.Arrays;

/** Successors of one context in a trained model: word ids (sorted), their discounted probabilities, and γ(h). */
final class ContextStats {

    final int[] words;
    final double[] discounted;
    final double[] cumulative; // cumulative[i + 1] = Σ_{j<=i} discounted[j]; the last is 1 − γ
    final double gamma;

    ContextStats(int[] words, double[] discounted, double gamma) {
        this.words = words;
        this.discounted = discounted;
        this.gamma = gamma;
        this.cumulative = SortedArrays.prefixSums(discounted);
    }

    /** The discounted probability of w after this context, 0 when w never followed it. */
    double discounted(int w) {
        int i = Arrays.binarySearch(words, w);
        return i >= 0 ? discounted[i] : 0.0;
    }
}
