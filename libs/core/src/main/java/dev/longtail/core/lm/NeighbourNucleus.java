package dev.longtail.core.lm;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Exact draws from a {@link NeighbourModel}'s tempered, nucleus-truncated distribution (temperature T: p^(1/T),
 * renormalised; top-p: the most probable words whose mass reaches topP, Holtzman et al. 2020).
 *
 * <p>For a context h, Witten-Bell interpolation gives p(w) = s(w) + β · p_1(w): s is non-zero only on S, the
 * successors of the longest seen context's bigram suffix (the higher levels' successors are among them), and β is
 * the product of the seen levels' backoff weights. Off S the ranking is therefore p_1's, which is sorted once per
 * request and temperature with prefix sums of p_1^(1/T); S (a few words) is scored and sorted per token. The
 * nucleus is a prefix of the merged order (S descending merged into the p_1 ranking without S; ties: S first, then
 * by rank), found by walking S and bisecting the ranking between two S values: O(|S| log |S| + |S| log |V|) per
 * draw, where V is the responses' vocabulary. Not thread-safe (one request).
 */
final class NeighbourNucleus {

    private final NeighbourModel model;
    private final double inverse;
    private final int[] rankOfType;
    private final int[] typeByRank;
    private final double[] valueT;  // (c(w)/N)^(1/T) by rank, descending
    private final double[] prefix;  // prefix sums of valueT

    NeighbourNucleus(NeighbourModel model, double temperature) {
        this.model = model;
        this.inverse = 1.0 / temperature;
        int v = model.types().length;
        long[] order = new long[v];
        for (int d = 0; d < v; d++) {
            order[d] = (long) (Integer.MAX_VALUE - model.typeCounts()[d]) << 32 | d; // count descending, then id
        }
        Arrays.sort(order);
        rankOfType = new int[v];
        typeByRank = new int[v];
        valueT = new double[v];
        for (int r = 0; r < v; r++) {
            int d = (int) order[r];
            typeByRank[r] = d;
            rankOfType[d] = r;
            valueT[r] = tempered((double) model.typeCounts()[d] / model.tokens);
        }
        prefix = SortedArrays.prefixSums(valueT);
    }

    /** One word id drawn from the tempered nucleus of p(· | history). */
    int draw(int[] history, double topP, RandomGenerator rng) {
        Candidates s = candidates(history);
        int m = s.words.length;
        double betaT = tempered(s.beta);
        int v = valueT.length;
        int keptS = m;
        int cut = v;
        if (topP < 1.0) {
            double target = topP * (s.prefix[m] + massR(v, s, betaT));
            boolean found = false;
            int previous = 0;
            for (int i = 0; i < m && !found; i++) {
                int ci = Math.max(previous, countGreater(s.values[i] / betaT));
                if (s.prefix[i] + massR(ci, s, betaT) >= target) {
                    keptS = i;
                    cut = smallestCut(previous, ci, s.prefix[i], target, s, betaT);
                    found = true;
                } else if (s.prefix[i + 1] + massR(ci, s, betaT) >= target) {
                    keptS = i + 1;
                    cut = ci;
                    found = true;
                }
                previous = ci;
            }
            if (!found) {
                cut = smallestCut(previous, v, s.prefix[m], target, s, betaT);
            }
        }
        double keptSMass = s.prefix[keptS];
        double total = keptSMass + massR(cut, s, betaT);
        double u = rng.nextDouble() * total;
        if (u < keptSMass || cut == 0) {
            int i = SortedArrays.upperBound(s.prefix, u) - 1;
            return s.words[Math.max(0, Math.min(i, keptS - 1))];
        }
        return typeAt(rankFor((u - keptSMass) / betaT, cut, s));
    }

    /** S with each word's tempered value, sorted descending, and the ranks S occupies in the p_1 ranking. */
    private Candidates candidates(int[] history) {
        int top = 1;
        int[] lo = new int[model.order + 1];
        int[] hi = new int[model.order + 1];
        for (int n = 2; n <= model.order; n++) {
            lo[n] = model.rangeStart(history, n);
            hi[n] = lo[n] < 0 ? -1 : model.rangeEnd(history, n);
            if (hi[n] <= lo[n]) {
                break;
            }
            top = n;
        }
        // p(w) = Σ_n weight_n · c_n(h w) + β · c(w)/N, with weight_n = (Π_{j>n} b_j) / (c_n(h) + N1+_n), b_j the backoff
        double[] weight = new double[top + 1];
        double beta = 1.0;
        for (int n = top; n >= 2; n--) {
            int c = hi[n] - lo[n];
            int t = model.distinct(n, lo[n], hi[n]);
            weight[n] = beta / (c + t);
            beta *= (double) t / (c + t);
        }
        if (top < 2) {
            return new Candidates(new int[0], new double[0], new int[0], beta, valueT);
        }
        long[] level2 = model.keys[1];
        int distinct = model.distinct(2, lo[2], hi[2]);
        int[] words = new int[distinct];
        double[] values = new double[distinct];
        int[] cursor = lo.clone();
        int k = -1;
        for (int i = lo[2]; i < hi[2]; ) {
            int w = model.wordOf(level2[i]);
            int j = i;
            while (j < hi[2] && level2[j] == level2[i]) {
                j++;
            }
            double p = weight[2] * (j - i) + beta * model.count(w) / model.tokens;
            for (int n = 3; n <= top; n++) {
                long[] level = model.keys[n - 1];
                while (cursor[n] < hi[n] && model.wordOf(level[cursor[n]]) < w) {
                    cursor[n]++;
                }
                int start = cursor[n];
                while (cursor[n] < hi[n] && model.wordOf(level[cursor[n]]) == w) {
                    cursor[n]++;
                }
                p += weight[n] * (cursor[n] - start);
            }
            words[++k] = w;
            values[k] = tempered(p);
            i = j;
        }
        return new Candidates(words, values, ranks(words), beta, valueT);
    }

    private int[] ranks(int[] words) {
        int[] ranks = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ranks[i] = rankOfType[Arrays.binarySearch(model.types(), words[i])];
        }
        return ranks;
    }

    /** Tempered mass of the ranks [0, c) outside S, scaled by β^(1/T). */
    private double massR(int c, Candidates s, double betaT) {
        return betaT * (prefix[c] - s.rankPrefix[SortedArrays.lowerBound(s.sortedRanks, c)]);
    }

    /** Smallest c in [from, to] whose mass (with {@code sMass} of S kept) reaches the target; {@code to} if none. */
    private int smallestCut(int from, int to, double sMass, double target, Candidates s, double betaT) {
        int a = from;
        int b = to;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (sMass + massR(mid, s, betaT) >= target) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }

    /** The rank outside S where the unscaled mass of ranks [0, r] outside S first exceeds x, within [0, cut). */
    private int rankFor(double x, int cut, Candidates s) {
        int a = 1;
        int b = cut;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (prefix[mid] - s.rankPrefix[SortedArrays.lowerBound(s.sortedRanks, mid)] > x) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        int rank = a - 1;
        // rounding can land on a rank of S (which adds no mass here): take the nearest kept rank outside S
        for (int r = rank; r < cut; r++) {
            if (Arrays.binarySearch(s.sortedRanks, r) < 0) {
                return r;
            }
        }
        for (int r = rank - 1; r >= 0; r--) {
            if (Arrays.binarySearch(s.sortedRanks, r) < 0) {
                return r;
            }
        }
        return rank;
    }

    private int typeAt(int rank) {
        return model.types()[typeByRank[rank]];
    }

    /** Number of leading ranks whose tempered p_1 value exceeds y. */
    private int countGreater(double y) {
        return SortedArrays.countDescending(valueT, Math.nextUp(y));
    }

    private double tempered(double p) {
        return inverse == 1.0 ? p : Math.pow(p, inverse);
    }

    /** The candidates S of one context, sorted by tempered value descending (ties by word id), with prefix sums. */
    private static final class Candidates {
        final int[] words;
        final double[] values;
        final double[] prefix;
        final int[] sortedRanks;   // the ranks S occupies in the p_1 ranking, ascending
        final double[] rankPrefix; // prefix sums of the tempered p_1 values at those ranks
        final double beta;

        Candidates(int[] words, double[] values, int[] ranks, double beta, double[] valueT) {
            int m = words.length;
            int[] idx = new int[m];
            for (int i = 0; i < m; i++) {
                idx[i] = i;
            }
            if (m <= 64) { // the usual few successors: insertion sort, no boxing
                for (int i = 1; i < m; i++) {
                    int x = idx[i];
                    int j = i - 1;
                    while (j >= 0 && before(x, idx[j], values, words)) {
                        idx[j + 1] = idx[j];
                        j--;
                    }
                    idx[j + 1] = x;
                }
            } else {
                Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, b) -> before(a, b, values, words) ? -1 : before(b, a, values, words) ? 1 : 0);
                for (int i = 0; i < m; i++) {
                    idx[i] = boxed[i];
                }
            }
            this.words = new int[m];
            this.values = new double[m];
            for (int i = 0; i < m; i++) {
                this.words[i] = words[idx[i]];
                this.values[i] = values[idx[i]];
            }
            this.prefix = SortedArrays.prefixSums(this.values);
            this.sortedRanks = ranks.clone();
            Arrays.sort(sortedRanks);
            double[] atRanks = new double[m];
            for (int i = 0; i < m; i++) {
                atRanks[i] = valueT[sortedRanks[i]];
            }
            this.rankPrefix = SortedArrays.prefixSums(atRanks);
            this.beta = beta;
        }

        /** Whether candidate a comes before b: higher value first, then lower word id. */
        private static boolean before(int a, int b, double[] values, int[] words) {
            return values[a] > values[b] || values[a] == values[b] && words[a] < words[b];
        }
    }
}
