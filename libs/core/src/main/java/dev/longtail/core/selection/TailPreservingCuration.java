package dev.longtail.core.selection;

import dev.longtail.core.curation.CurationSession;
import dev.longtail.core.curation.CurationThresholds;
import dev.longtail.core.curation.Decision;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Longtail's curation policy for one generation of a self-consuming loop: from an over-generated pool of
 * synthetic candidates, choose a token budget of lines that keeps the next model close to the real
 * distribution, and complete it with a small share of real anchor lines chosen for what the synthetic part
 * misses.
 *
 * <p>Collapse has three visible faces (Shumailov et al., Nature 2024): samples drift to the mode (common
 * n-grams over-represented), the tails vanish (rare n-grams lost within a generation) and lines get
 * shorter. The policy counters each one explicitly:
 * <ol>
 *   <li><b>Quality and novelty</b>: every candidate goes through the curator's own {@link CurationSession}
 *       (length, degenerate repetition, exact and MinHash near duplicates, also against the previous
 *       generation's synthetic lines, which the sampling model was trained on), and a candidate that copies
 *       a real line ({@link ReferenceCopies}) is set aside: it is real data, not synthetic.</li>
 *   <li><b>Profile matching</b>: lines are chosen greedily to maximise the real reference's log-likelihood
 *       under the selection's n-gram counts, Σ_k T(k) · ln(S(k) + α) over the n-grams k of orders 1..n
 *       (padded like the model's training sequences), with T the reference counts scaled to the budget and
 *       S the counts selected so far. A line's gain per token is Σ_k T(k) / (S(k) + α) / length: an n-gram
 *       the reference lacks earns nothing, one already at its real count earns little (against the mode),
 *       one still missing earns most (for the tail). The gains only fall as S grows, so lazy greedy
 *       evaluation is exact.</li>
 *   <li><b>Length strata</b>: the budget is split into strata of real line length (quantiles of the
 *       reference's lines), each with the real token share of its stratum as quota, so per-token scoring
 *       cannot win by choosing short lines (the degenerate win of plain profile matching). A stratum whose
 *       candidates run out leaves its remainder to the least-filled strata.</li>
 *   <li><b>Tail anchors</b>: the real share is spent last, with the same objective, on the real lines that
 *       hold the most of what the synthetic selection still misses: the rare n-grams no candidate
 *       produced.</li>
 * </ol>
 * Deterministic for a given input and seed. Not thread-safe (one instance per campaign).
 */
public final class TailPreservingCuration {

    /** Rejection key of a candidate that copies a real reference line. */
    public static final String COPIES_REFERENCE = "COPIES_REFERENCE";
    /** Rejection key of a candidate that fitted in no stratum before the budget was spent. */
    public static final String NOT_SELECTED = "NOT_SELECTED";

    private final SelectionSettings settings;
    private final List<List<String>> reference;
    private final long referenceTokens;
    private final NGramKeys ngrams;
    private final LongIntMap referenceCounts;
    private final long[][] referenceKeys;
    private final int[] strataUpper;
    private final double[] strataShare;
    private final ReferenceCopies copies;
    private final int minWords;
    private final int maxWords;

    /** Prepares the policy for a real reference (token lines): its n-gram profile, strata and copy index. */
    public TailPreservingCuration(List<List<String>> reference, SelectionSettings settings) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference needs at least one line");
        }
        this.settings = settings;
        this.reference = List.copyOf(reference);
        this.ngrams = new NGramKeys(settings.maxOrder());
        long tokens = 0;
        int min = Integer.MAX_VALUE;
        int max = 1;
        referenceKeys = new long[reference.size()][];
        referenceCounts = new LongIntMap(reference.size() * 64);
        for (int i = 0; i < reference.size(); i++) {
            List<String> line = reference.get(i);
            tokens += line.size();
            referenceKeys[i] = ngrams.keys(line);
            for (long k : referenceKeys[i]) {
                referenceCounts.add(k, 1);
            }
            int words = words(line);
            min = Math.min(min, words);
            max = Math.max(max, words);
        }
        this.referenceTokens = tokens;
        this.minWords = Math.max(1, min);
        this.maxWords = Math.max(this.minWords, max);
        this.copies = new ReferenceCopies(reference, settings.shingleSize(), settings.copyThreshold());

        int[] lengths = reference.stream().mapToInt(List::size).sorted().toArray();
        int strata = Math.min(settings.lengthStrata(), lengths.length);
        strataUpper = new int[strata];
        for (int s = 0; s < strata; s++) {
            strataUpper[s] = lengths[(int) Math.min(lengths.length - 1, Math.ceil((s + 1.0) * lengths.length / strata) - 1)];
        }
        strataUpper[strata - 1] = Integer.MAX_VALUE;
        strataShare = new double[strata];
        for (List<String> line : reference) {
            strataShare[stratum(line.size())] += (double) line.size() / tokens;
        }
    }

    /**
     * Curates one generation.
     *
     * @param candidates        synthetic lines sampled from the previous generation's model
     * @param previousSynthetic the synthetic lines the previous model was trained on (near duplicates of
     *                          them are rejected); empty in the first generation
     * @param tokenBudget       the most tokens the training set may hold
     * @param maxRealShare      the largest share of those tokens that may be real anchor lines
     * @param nearDuplicateThreshold Jaccard threshold of the candidates' novelty check (the plan's value)
     * @param seed              seeds the MinHash permutations of the novelty check
     */
    public CuratedGeneration curate(List<List<String>> candidates, List<List<String>> previousSynthetic,
                                    long tokenBudget, double maxRealShare, double nearDuplicateThreshold, long seed) {
        if (tokenBudget < 1) {
            throw new IllegalArgumentException("tokenBudget must be >= 1, was " + tokenBudget);
        }
        if (!(maxRealShare >= 0 && maxRealShare < 1)) {
            throw new IllegalArgumentException("maxRealShare must be in [0, 1), was " + maxRealShare);
        }
        Map<String, Integer> rejections = new TreeMap<>();
        long candidateTokens = 0;
        CurationSession session = new CurationSession(128, settings.shingleSize(), seed);
        for (int i = 0; i < previousSynthetic.size(); i++) {
            session.remember("previous-" + i, "", Tokenizer.detokenize(previousSynthetic.get(i)));
        }
        CurationThresholds thresholds = new CurationThresholds(nearDuplicateThreshold, minWords, maxWords,
                settings.maxRepeatedNgramShare());
        List<List<String>> pool = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> candidate = candidates.get(i);
            candidateTokens += candidate.size();
            if (!candidate.isEmpty() && copies.copiesReference(candidate)) {
                rejections.merge(COPIES_REFERENCE, 1, Integer::sum);
                continue;
            }
            Decision decision = session.decide("candidate-" + i, "", Tokenizer.detokenize(candidate), thresholds);
            if (!decision.accepted()) {
                rejections.merge(decision.reason().name(), 1, Integer::sum);
                continue;
            }
            pool.add(candidate);
        }

        long anchorCap = (long) Math.floor(maxRealShare * tokenBudget);
        double scale = (double) tokenBudget / referenceTokens;
        LongIntMap selected = new LongIntMap(1 << 16);
        long[][] poolKeys = new long[pool.size()][];
        for (int i = 0; i < pool.size(); i++) {
            poolKeys[i] = ngrams.keys(pool.get(i));
        }
        int[] chosen = fill(pool, poolKeys, tokenBudget - anchorCap, selected, scale);
        List<List<String>> synthetic = new ArrayList<>(chosen.length);
        long syntheticTokens = 0;
        for (int i : chosen) {
            synthetic.add(pool.get(i));
            syntheticTokens += pool.get(i).size();
        }
        int notSelected = pool.size() - chosen.length;
        if (notSelected > 0) {
            rejections.put(NOT_SELECTED, notSelected);
        }
        // the real share is of the final set: a short synthetic part shrinks the anchor budget with it
        long anchorBudget = Math.min(anchorCap,
                maxRealShare == 0 ? 0 : (long) Math.floor(maxRealShare / (1 - maxRealShare) * syntheticTokens));
        List<List<String>> anchors = new ArrayList<>();
        if (anchorBudget > 0) {
            for (int i : fill(reference, referenceKeys, anchorBudget, selected, scale)) {
                anchors.add(reference.get(i));
            }
        }
        return new CuratedGeneration(synthetic, anchors, candidates.size(), candidateTokens, rejections);
    }

    /** The real reference's number of tokens. */
    public long referenceTokens() {
        return referenceTokens;
    }

    /** Lazy greedy, stratified by line length: indices of the chosen lines, in the order chosen. */
    private int[] fill(List<List<String>> lines, long[][] keys, long budget, LongIntMap selected, double scale) {
        int strata = strataUpper.length;
        MaxHeap[] heaps = new MaxHeap[strata];
        for (int s = 0; s < strata; s++) {
            heaps[s] = new MaxHeap();
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty() || lines.get(i).size() > budget) {
                continue;
            }
            heaps[stratum(lines.get(i).size())].push(gain(keys[i], selected, scale), i);
        }
        double[] quota = new double[strata];
        for (int s = 0; s < strata; s++) {
            quota[s] = strataShare[s] * budget;
        }
        long[] filled = new long[strata];
        long total = 0;
        int[] chosen = new int[lines.size()];
        int count = 0;
        for (int phase = 0; phase < 2; phase++) {
            boolean quotasHold = phase == 0;
            while (total < budget) {
                int best = -1;
                double bestRatio = Double.POSITIVE_INFINITY;
                for (int s = 0; s < strata; s++) {
                    if (heaps[s].isEmpty() || quota[s] <= 0 || (quotasHold && filled[s] >= quota[s])) {
                        continue;
                    }
                    double ratio = filled[s] / quota[s];
                    if (ratio < bestRatio) {
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
                for (long k : keys[line]) {
                    selected.add(k, 1);
                }
                filled[best] += length;
                total += length;
                chosen[count++] = line;
            }
        }
        return Arrays.copyOf(chosen, count);
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
            int target = referenceCounts.get(k);
            if (target > 0) {
                sum += target * scale / (selected.get(k) + alpha);
            } else {
                sum -= settings.novelPenalty();
            }
        }
        return sum / (keys.length / (double) ngrams.maxOrder());
    }

    private int stratum(int length) {
        for (int s = 0; s < strataUpper.length; s++) {
            if (length <= strataUpper[s]) {
                return s;
            }
        }
        return strataUpper.length - 1;
    }

    private static int words(List<String> line) {
        int words = 0;
        for (String token : line) {
            if (Tokenizer.isWord(token)) {
                words++;
            }
        }
        return words;
    }

    /** Binary max-heap of (score, index) pairs. */
    private static final class MaxHeap {
        private double[] scores = new double[64];
        private int[] indices = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        double topScore() {
            return scores[0];
        }

        int topIndex() {
            return indices[0];
        }

        void push(double score, int index) {
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
                indices = Arrays.copyOf(indices, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (scores[parent] >= score) {
                    break;
                }
                scores[i] = scores[parent];
                indices[i] = indices[parent];
                i = parent;
            }
            scores[i] = score;
            indices[i] = index;
        }

        void pop() {
            size--;
            if (size == 0) {
                return;
            }
            double score = scores[size];
            int index = indices[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && scores[child + 1] > scores[child]) {
                    child++;
                }
                if (scores[child] <= score) {
                    break;
                }
                scores[i] = scores[child];
                indices[i] = indices[child];
                i = child;
            }
            scores[i] = score;
            indices[i] = index;
        }
    }
}
