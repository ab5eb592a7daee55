package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;
import static dev.longtail.core.lm.SortedArrays.countDescending;
import static dev.longtail.core.lm.SortedArrays.lowerBound;
import static dev.longtail.core.lm.SortedArrays.upperBound;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The tempered, nucleus-truncated next-word distribution of one context h (see {@link NucleusSampler}). With the
 * top level's successors K (discounted mass a(w), backoff γ) and the base q of the suffix h':
 * p(w) = a(w) + γ·q(w) on K, γ·q(w) elsewhere; so beyond K the ranking is the base's, scaled by γ^(1/T).
 * The nucleus is a value threshold x*, found by bisection over the tempered mass above a threshold,
 * which prefix sums give in O(log |W|); ties at x* in the unigram remainder are cut in rank order.
 */
final class NucleusDistribution implements SamplingCache.Sized {

    final int[] topIds;           // K without <unk>, descending tempered value
    final double[] topCum;
    final int[] topSorted;        // K by id, for membership
    final double[] topSq;         // q^(1/T) of K ∩ S', descending
    final double[] topSqPrefix;
    final int[] topUniRank;       // global ranks of K \ S', ascending
    final double[] topUniPrefix;  // prefix of t.value over topUniRank
    final double gammaT;
    final BackoffBase base;
    // the kept parts
    final int keptTop;
    final int keptS;              // base candidates [0, keptS) (K members among them are skipped)
    final int cutRank;            // global ranks [0, cutRank) (S' and K members are skipped)
    final double topMass;
    final double sMass;
    final double uMass;

    NucleusDistribution(NGramTables tables, int[] history, int seen, double topP, TemperedUnigram t,
                        BackoffBase base) {
        double[] unigram = tables.unigram;
        this.base = base;
        double inv = 1.0 / t.temperature;
        ContextStats stats = seen == 0 ? null : tables.successors(history, seen);
        double gamma = stats == null ? 1.0 : stats.gamma;
        gammaT = Math.pow(gamma, inv);
        int k = stats == null ? 0 : stats.words.length;
        int[] ids = new int[k];
        double[] vals = new double[k];
        double[] sq = new double[k];
        int[] uniRanks = new int[k];
        int s = 0;
        int nsq = 0;
        int nuni = 0;
        for (int i = 0; i < k; i++) {
            int w = stats.words[i];
            if (w == UNK_ID || w == BOS_ID || t.rankOf[w] < 0) {
                continue;
            }
            ids[s] = w;
            int bi = base.indexOf(w);
            double q = bi >= 0 ? base.qById[bi] : base.lambda * unigram[w];
            vals[s] = Math.pow(stats.discounted[i] + gamma * q, inv);
            s++;
            if (bi >= 0) {
                sq[nsq++] = base.qTById[bi];
            } else {
                uniRanks[nuni++] = t.rankOf[w];
            }
        }
        Integer[] idx = new Integer[s];
        for (int i = 0; i < s; i++) {
            idx[i] = i;
        }
        final int[] fids = ids;
        final double[] fvals = vals;
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(fvals[b], fvals[a]);
            return c != 0 ? c : Integer.compare(fids[a], fids[b]);
        });
        topIds = new int[s];
        topCum = new double[s + 1];
        double[] topVal = new double[s];
        for (int i = 0; i < s; i++) {
            topIds[i] = ids[idx[i]];
            topVal[i] = vals[idx[i]];
            topCum[i + 1] = topCum[i] + topVal[i];
        }
        topSorted = Arrays.copyOf(ids, s);
        Arrays.sort(topSorted);
        topSq = Arrays.copyOf(sq, nsq);
        Arrays.sort(topSq);
        for (int i = 0, j = nsq - 1; i < j; i++, j--) {
            double tmp = topSq[i];
            topSq[i] = topSq[j];
            topSq[j] = tmp;
        }
        topSqPrefix = new double[nsq + 1];
        for (int i = 0; i < nsq; i++) {
            topSqPrefix[i + 1] = topSqPrefix[i] + topSq[i];
        }
        topUniRank = Arrays.copyOf(uniRanks, nuni);
        Arrays.sort(topUniRank);
        topUniPrefix = new double[nuni + 1];
        for (int i = 0; i < nuni; i++) {
            topUniPrefix[i + 1] = topUniPrefix[i] + t.value[topUniRank[i]];
        }

        int all = t.value.length;
        int kT;
        int kS;
        int kTS;
        int cut;
        if (topP >= 1.0) {
            kT = s;
            kS = base.valueT.length;
            kTS = topSq.length;
            cut = all;
        } else {
            double total = mass(0.0, t, topVal);
            double target = topP * total;
            long lo = 0L; // bits of 0.0: mass(0) = total >= target
            long hi = Double.doubleToLongBits(Double.POSITIVE_INFINITY);
            while (hi - lo > 1) {
                long mid = (lo + hi) >>> 1;
                if (mass(Double.longBitsToDouble(mid), t, topVal) >= target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            // everything valued above x* is kept; the words tied at x* are taken one by one until the
            // mass reaches the target: the remainder's in rank order, then the base candidates', then K's
            double x = Double.longBitsToDouble(lo);
            double y = gammaT > 0 ? x / gammaT : Double.POSITIVE_INFINITY;
            double z = base.lambdaT > 0 ? y / base.lambdaT : Double.POSITIVE_INFINITY;
            // "above x*" is "at least the next double": the same derived thresholds as the bisection
            double xs = Math.nextUp(x);
            double ys = gammaT > 0 ? xs / gammaT : Double.POSITIVE_INFINITY;
            double zs = base.lambdaT > 0 ? ys / base.lambdaT : Double.POSITIVE_INFINITY;
            double above = mass(xs, t, topVal);
            int c0 = uniCount(zs, t);
            int c1 = uniCount(z, t);
            double scale = gammaT * base.lambdaT;
            double u0 = uniNet(c0, t);
            kT = countDescending(topVal, xs);
            kS = base.count(ys);
            kTS = countDescending(topSq, ys);
            if (above + scale * (uniNet(c1, t) - u0) >= target) {
                int a = c0;
                int b = c1;
                while (a < b) {
                    int mid = (a + b) >>> 1;
                    if (above + scale * (uniNet(mid, t) - u0) >= target) {
                        b = mid;
                    } else {
                        a = mid + 1;
                    }
                }
                cut = a;
            } else {
                cut = c1;
                double acc = above + scale * (uniNet(c1, t) - u0);
                int kS1 = base.count(y);
                boolean done = false;
                while (kS < kS1 && !done) {
                    int w = base.byValue[kS];
                    if (isTop(w)) {
                        kTS++;
                    } else {
                        acc += gammaT * base.valueT[kS];
                        done = acc >= target;
                    }
                    kS++;
                }
                if (!done) {
                    int kT1 = countDescending(topVal, x);
                    int a = kT;
                    int b = kT1;
                    double start = topCum[kT];
                    while (a < b) {
                        int mid = (a + b) >>> 1;
                        if (acc + topCum[mid] - start >= target) {
                            b = mid;
                        } else {
                            a = mid + 1;
                        }
                    }
                    kT = a;
                }
            }
        }
        keptTop = kT;
        keptS = kS;
        cutRank = cut;
        topMass = topCum[kT];
        double sm = kS - kTS > 0 ? gammaT * (base.prefix[kS] - topSqPrefix[kTS]) : 0.0;
        sMass = Math.max(0.0, sm);
        int freeRanks = cut - lowerBound(base.excludedRank, cut) - lowerBound(topUniRank, cut);
        double um = freeRanks > 0 ? gammaT * base.lambdaT * uniNet(cut, t) : 0.0;
        uMass = Math.max(0.0, um);
    }

    private int uniCount(double z, TemperedUnigram t) {
        return z == Double.POSITIVE_INFINITY ? 0 : t.countAtLeast(z);
    }

    /** Tempered unigram mass of ranks [0, c) outside S' and K, unscaled. */
    private double uniNet(int c, TemperedUnigram t) {
        return base.remainder(c, t) - topUniPrefix[lowerBound(topUniRank, c)];
    }

    /** Tempered mass of the words whose value is &ge; x (the base parts compared through x/γ^(1/T)). */
    private double mass(double x, TemperedUnigram t, double[] topVal) {
        double y = gammaT > 0 ? x / gammaT : Double.POSITIVE_INFINITY;
        double z = base.lambdaT > 0 ? y / base.lambdaT : Double.POSITIVE_INFINITY;
        double m = topCum[countDescending(topVal, x)];
        double sPart = base.prefix[base.count(y)] - topSqPrefix[countDescending(topSq, y)];
        double uPart = base.lambdaT > 0 ? base.lambdaT * uniNet(uniCount(z, t), t) : 0.0;
        return m + (gammaT > 0 ? gammaT * (sPart + uPart) : 0.0);
    }

    private boolean isTop(int w) {
        return Arrays.binarySearch(topSorted, w) >= 0;
    }

    @Override
    public int size() {
        return 2 * topIds.length + 8;
    }

    int draw(RandomGenerator rng, TemperedUnigram t) {
        double total = topMass + sMass + uMass;
        if (!(total > 0)) {
            return -1;
        }
        double u = rng.nextDouble() * total;
        if (u < topMass) {
            int i = upperBound(topCum, u) - 1;
            return topIds[Math.max(0, Math.min(i, keptTop - 1))];
        }
        // the other parts: draw from the whole range and redraw on skipped words (exact conditioning)
        if (u < topMass + sMass || uMass <= 0) {
            double gross = base.prefix[keptS];
            for (int attempt = 0; attempt < 100_000 && keptS > 0; attempt++) {
                int i = upperBound(base.prefix, rng.nextDouble() * gross) - 1;
                int w = base.byValue[Math.max(0, Math.min(i, keptS - 1))];
                if (!isTop(w)) {
                    return w;
                }
            }
        }
        if (uMass > 0) {
            double gross = t.prefix[cutRank];
            for (int attempt = 0; attempt < 100_000; attempt++) {
                int r = upperBound(t.prefix, rng.nextDouble() * gross) - 1;
                int w = t.byRank[Math.max(0, Math.min(r, cutRank - 1))];
                if (base.indexOf(w) < 0 && !isTop(w)) {
                    return w;
                }
            }
        }
        return keptTop > 0 ? topIds[0] : -1;
    }
}
