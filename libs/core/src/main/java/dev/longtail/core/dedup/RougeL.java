package dev.longtail.core.dedup;

/**
 * ROUGE-L (Lin 2004): the longest common subsequence of two token sequences, as an F-measure of its recall
 * (LCS / reference length) and precision (LCS / candidate length). Self-Instruct (Wang et al. 2022) keeps a new
 * instruction only if its ROUGE-L F-measure with every instruction already in the pool is below 0.7. Tokens are
 * compared as ints (hashes of lower-cased words), so the dynamic programme allocates two rows only.
 */
public final class RougeL {

    private RougeL() {
    }

    /** Length of the longest common subsequence. */
    public static int lcs(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int i = 1; i <= x.length; i++) {
            int xi = x[i - 1];
            for (int j = 1; j <= y.length; j++) {
                current[j] = xi == y[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length];
    }

    /** F1 of LCS-recall and LCS-precision; 0 when either sequence is empty. */
    public static double fMeasure(int[] candidate, int[] reference) {
        int lcs = lcs(candidate, reference);
        if (lcs == 0) {
            return 0.0;
        }
        double precision = (double) lcs / candidate.length;
        double recall = (double) lcs / reference.length;
        return 2 * precision * recall / (precision + recall);
    }
}
