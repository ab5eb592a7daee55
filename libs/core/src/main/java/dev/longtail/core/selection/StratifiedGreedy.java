package dev.longtail.core.selection;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The selection's objective and its lazy greedy: units are chosen by gain per token against the reference profile
 * (Σ_k T(k) · scale / (S(k) + α), minus the novelty penalty per n-gram the reference lacks), each length stratum
 * up to its real token share first, carried units up to a cap. Gains only fall as S grows, so re-scoring the
 * top of a heap until it stays on top is exact.
 */
final class StratifiedGreedy {

    /** What a fill chose: unit indexes in the order chosen, and how many units the set-aside test refused. */
    record Choice(int[] chosen, int setAside) {
    }

    private final ReferenceProfile profile;
    private final SelectionSettings settings;

    StratifiedGreedy(ReferenceProfile profile, SelectionSettings settings) {
        this.profile = profile;
        this.settings = settings;
    }

    /**
     * Fills {@code budget} tokens from the units, adding the chosen units' keys to {@code selected}. Units from
     * {@code firstCarried} on are carried over and may fill at most {@code carriedCap} tokens; a unit the greedy
     * would take but {@code setAside} refuses is skipped and counted.
     */
    Choice fill(List<List<String>> lines, long[][] keys, long budget, LongIntMap selected, double scale,
                LengthStrata by, int firstCarried, long carriedCap, IntPredicate setAside) {
        long carriedTotal = 0;
        int strata = by.upper().length;
        MaxHeap[] heaps = new MaxHeap[strata];
        for (int s = 0; s < strata; s++) {
            heaps[s] = new MaxHeap();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty() || lines.get(i).size() > budget) {
                continue;
            }
            heaps[by.stratum(lines.get(i).size())].push(gain(keys[i], selected, scale), i);
        }
        double[] quota = new double[strata];
        for (int s = 0; s < strata; s++) {
            quota[s] = by.share()[s] * budget;
        }
        long[] filled = new long[strata];
        long total = 0;
        int[] chosen = new int[lines.size()];
        int count = 0;
        int refused = 0;
        for (int phase = 0; phase < 2; phase++) {
            boolean quotasHold = phase == 0;
            while (total < budget) {
                int best = -1;
                double bestRatio = Double.POSITIVE_INFINITY;
                for (int s = 0; s < strata; s++) {
                    if (heaps[s].isEmpty() || (quotasHold && (quota[s] <= 0 || filled[s] >= quota[s]))) {
                        continue;
                    }
                    // once the quotas are met or out of candidates, any stratum may take the rest, a stratum the
                    // reference left without tokens (tied quantiles) last
                    double ratio = quota[s] > 0 ? filled[s] / quota[s] : Double.MAX_VALUE;
                    if (best < 0 || ratio < bestRatio) {
                        bestRatio = ratio;
                        best = s;
                    }
                }
                if (best < 0) {
                    break;
                }
                int line = popBest(heaps[best], keys, selected, scale);
                int length = lines.get(line).size();
                if (total + length > budget) {
                    continue; // does not fit: dropped, smaller lines may still fit
                }
                if (line >= firstCarried && carriedTotal + length > carriedCap) {
                    continue; // the carried share is spent
                }
                if (setAside.test(line)) {
                    refused++;
                    continue;
                }
                if (line >= firstCarried) {
                    carriedTotal += length;
                }
                for (long k : keys[line]) {
                    selected.add(k, 1);
                }
                filled[best] += length;
                total += length;
                chosen[count++] = line;
            }
        }
        return new Choice(Arrays.copyOf(chosen, count), refused);
    }

    /**
     * The tail anchors: indexes of the reference sentences (or lines) chosen with the same objective after the
     * synthetic part, in the order chosen.
     */
    int[] anchors(boolean bySentence, long budget, LongIntMap selected, double scale) {
        return bySentence
                ? fill(profile.sentences(), profile.sentenceKeys(), budget, selected, scale, profile.sentenceStrata(),
                        profile.sentences().size(), 0, u -> false).chosen()
                : fill(profile.lines(), profile.lineKeys(), budget, selected, scale, profile.lineStrata(),
                        profile.lines().size(), 0, u -> false).chosen();
    }

    /** The real share is of the final set: a short synthetic part shrinks the anchor budget with it. */
    static long anchorBudget(long anchorCap, double maxRealShare, long syntheticTokens) {
        return Math.min(anchorCap,
                maxRealShare == 0 ? 0 : (long) Math.floor(maxRealShare / (1 - maxRealShare) * syntheticTokens));
    }

    /** Pops the line with the highest current gain, re-scoring stale entries (gains only fall). */
    private int popBest(MaxHeap heap, long[][] keys, LongIntMap selected, double scale) {
        while (true) {
            int line = heap.topIndex();
            heap.pop();
            double fresh = gain(keys[line], selected, scale);
            if (heap.isEmpty() || fresh >= heap.topScore()) {
                return line;
            }
            heap.push(fresh, line);
        }
    }

    /**
     * Σ_k T(k) · scale / (S(k) + α) over the reference's n-grams, minus the novelty penalty per n-gram the
     * reference lacks, per token of the line (its keys hold maxOrder per token and {@code </s>}).
     */
    private double gain(long[] keys, LongIntMap selected, double scale) {
        double sum = 0;
        double alpha = settings.smoothing();
        for (long k : keys) {
            int target = profile.count(k);
            if (target > 0) {
                sum += target * scale / (selected.get(k) + alpha);
            } else {
                sum -= settings.novelPenalty();
            }
        }
        return sum / (keys.length / (double) profile.maxOrder());
    }
}
