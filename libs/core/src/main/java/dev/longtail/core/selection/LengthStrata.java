package dev.longtail.core.selection;

import java.util.List;

/** Length strata: upper bounds at quantiles of the reference's unit lengths, and each stratum's token share. */
record LengthStrata(int[] upper, double[] share) {

    /** Up to {@code wanted} strata of the reference's unit lengths. */
    static LengthStrata of(List<Integer> lengths, int wanted) {
        int[] sorted = lengths.stream().mapToInt(Integer::intValue).sorted().toArray();
        int strata = Math.max(1, Math.min(wanted, sorted.length));
        int[] upper = new int[strata];
        for (int s = 0; s < strata; s++) {
            upper[s] = sorted[(int) Math.min(sorted.length - 1, Math.ceil((s + 1.0) * sorted.length / strata) - 1)];
        }
        upper[strata - 1] = Integer.MAX_VALUE;
        double[] share = new double[strata];
        long tokens = 0;
        for (int length : sorted) {
            tokens += length;
        }
        LengthStrata made = new LengthStrata(upper, share);
        for (int length : sorted) {
            share[made.stratum(length)] += (double) length / tokens;
        }
        return made;
    }

    /** The stratum of a unit of this length. */
    int stratum(int length) {
        for (int s = 0; s < upper.length; s++) {
            if (length <= upper[s]) {
                return s;
            }
        }
        return upper.length - 1;
    }
}
