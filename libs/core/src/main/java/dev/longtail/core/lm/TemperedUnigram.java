package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;

import java.util.Arrays;

/** The global unigram p_1 tempered by 1/T, in descending p_1 order with prefix sums: the sampler's last resort. */
final class TemperedUnigram {

    final double temperature;
    final int[] byRank;        // rank -> id, over W without <unk>
    final int[] rankOf;        // id -> rank, −1 for <s> and <unk>
    final double[] value;      // rank -> p_1^(1/T)
    final double[] prefix;     // prefix[r] = Σ_{q<r} value[q]

    TemperedUnigram(NGramTables tables, double temperature) {
        this.temperature = temperature;
        int size = tables.words.length;
        double[] unigram = tables.unigram;
        Integer[] order = new Integer[size];
        int m = 0;
        for (int w = 0; w < size; w++) {
            if (w != BOS_ID && w != UNK_ID) {
                order[m++] = w;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, m);
        Arrays.sort(ranked, (a, b) -> {
            int c = Double.compare(unigram[b], unigram[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        byRank = new int[m];
        rankOf = new int[size];
        Arrays.fill(rankOf, -1);
        value = new double[m];
        prefix = new double[m + 1];
        double inv = 1.0 / temperature;
        for (int r = 0; r < m; r++) {
            byRank[r] = ranked[r];
            rankOf[ranked[r]] = r;
            value[r] = Math.pow(unigram[ranked[r]], inv);
            prefix[r + 1] = prefix[r] + value[r];
        }
    }

    /** Number of ranks whose tempered value is &ge; v (values are non-increasing in rank). */
    int countAtLeast(double v) {
        return SortedArrays.countDescending(value, v);
    }
}
