package dev.longtail.core.selection;

import dev.longtail.core.random.SeedMixer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns token lines into 64-bit keys of their n-grams, orders 1 to maxOrder, with the same sentence padding
 * as the language model ({@code <s>} before, {@code </s>} after), so that the selection counts exactly the
 * events the model is trained on: line starts and ends included.
 */
final class NGramKeys {

    private static final int BOS = 0;
    private static final int EOS = 1;

    private final int maxOrder;
    private final Map<String, Integer> ids = new HashMap<>();

    NGramKeys(int maxOrder) {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("maxOrder must be >= 1, was " + maxOrder);
        }
        this.maxOrder = maxOrder;
    }

    int maxOrder() {
        return maxOrder;
    }

    /** Every n-gram key of the padded line, for n = 1..maxOrder (unigrams of words and {@code </s>}). */
    long[] keys(List<String> line) {
        int pad = maxOrder - 1;
        int[] seq = new int[pad + line.size() + 1];
        for (int i = 0; i < pad; i++) {
            seq[i] = BOS;
        }
        for (int i = 0; i < line.size(); i++) {
            seq[pad + i] = ids.computeIfAbsent(line.get(i), t -> ids.size() + 2);
        }
        seq[seq.length - 1] = EOS;
        int positions = line.size() + 1;
        long[] keys = new long[positions * maxOrder];
        int k = 0;
        for (int i = pad; i < seq.length; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int n = 1; n <= maxOrder; n++) {
                int token = seq[i - n + 1];
                h = SeedMixer.mix(h ^ (token + 0x632BE59BD9B4E019L * n));
                keys[k++] = h;
            }
        }
        return keys;
    }
}
