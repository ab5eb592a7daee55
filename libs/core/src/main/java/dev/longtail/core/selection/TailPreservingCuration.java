package dev.longtail.core.selection;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Longtail's curation policy for one generation of a self-consuming loop: from an over-generated pool of
 * synthetic candidates (and, if allowed, the previous generation's synthetic lines), choose a token budget of
 * text that keeps the next model close to the real distribution, and complete it with a small share of real
 * anchors chosen for what the synthetic part misses.
 *
 * <p>Collapse has three visible faces (Shumailov et al., Nature 2024): samples drift to the mode (common
 * n-grams over-represented), the tails vanish (rare n-grams lost within a generation) and lines get
 * shorter. The policy counters each one explicitly:
 * <ol>
 *   <li><b>Quality and novelty</b>: every candidate goes through the curator's own filter chain,
 *       {@link CurationPipeline} (length, Gopher repetition rules, non-alphabetic share, exact and MinHash near
 *       duplicates, also against the previous generation's synthetic lines, which the sampling model was
 *       trained on; see {@link #filters}), and a candidate that copies
 *       a real line ({@link ReferenceCopies}) is set aside: it is real data, not synthetic. With sentence
 *       units, a sentence that copies a real sentence is set aside too, so packed lines cannot carry real
 *       sentences in.</li>
 *   <li><b>Units</b>: whole lines, or (finer, so the selection has more leverage on n-gram statistics)
 *       whole sentences, later packed in generation order into lines whose lengths follow the reference's
 *       line lengths.</li>
 *   <li><b>Profile matching</b>: units are chosen greedily to maximise the real reference's log-likelihood
 *       under the selection's n-gram counts, Σ_k T(k) · ln(S(k) + α) over the n-grams k of orders 1..n
 *       (padded like the model's training sequences, a sentence keyed in its line's context), with T the
 *       reference counts scaled to the budget and S the counts selected so far. A unit's gain per token is
 *       Σ_k T(k) / (S(k) + α) / length, minus the novelty penalty per n-gram the reference lacks (negative:
 *       a bonus): one already at its real count earns little (against the mode), one still missing earns
 *       most (for the tail). The gains only fall as S grows, so lazy greedy evaluation is exact.</li>
 *   <li><b>Length strata</b>: the budget is split into strata of real unit length (quantiles of the
 *       reference's lines or sentences), each with the real token share of its stratum as quota, so
 *       per-token scoring cannot win by choosing short units (the degenerate win of plain profile matching).
 *       A stratum whose candidates run out leaves its remainder to the least-filled strata.</li>
 *   <li><b>Carry-over</b>: the previous generation's synthetic lines compete with the fresh candidates but
 *       may fill at most {@link SelectionSettings#maxCarriedShare()} of the synthetic part: accumulation
 *       within the budget, the rest always fresh.</li>
 *   <li><b>Tail anchors</b>: the real share is spent last, with the same objective, on the real lines (or
 *       sentences) that hold the most of what the synthetic selection still misses.</li>
 * </ol>
 * Deterministic for a given input and seed. Not thread-safe (one instance per campaign).
 */
public final class TailPreservingCuration {

    /** Rejection key of a candidate that copies a real reference line. */
    public static final String COPIES_REFERENCE = "COPIES_REFERENCE";
    /** Rejection key of a candidate that fitted in no stratum before the budget was spent. */
    public static final String NOT_SELECTED = "NOT_SELECTED";
    /** Rejection key of a candidate none of whose sentences is attested enough in the reference. */
    public static final String UNATTESTED = "UNATTESTED";
    /** Sentences whose n-grams are attested too little are cut from their line; counted in sentences. */
    public static final String UNATTESTED_SENTENCES = "UNATTESTED_SENTENCES";
    /** Rejection key of a sentence (sentence units) that copies a real reference sentence: real data. */
    public static final String COPIES_REFERENCE_SENTENCE = "COPIES_REFERENCE_SENTENCE";

    private final SelectionSettings settings;
    private final List<List<String>> reference;
    private final long referenceTokens;
    private final NGramKeys ngrams;
    private final LongIntMap referenceCounts;
    private final long[][] referenceKeys;
    private final Strata lineStrata;
    private final Strata sentenceStrata;
    private final List<List<String>> referenceSentences = new ArrayList<>();
    private final long[][] referenceSentenceKeys;
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

        this.lineStrata = Strata.of(reference.stream().map(List::size).toList(), settings.lengthStrata());
        List<Integer> sentenceLengths = new ArrayList<>();
        List<long[]> sentenceKeys = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            List<String> line = reference.get(i);
            for (int[] span : sentences(line)) {
                sentenceLengths.add(span[1] - span[0]);
                referenceSentences.add(line.subList(span[0], span[1]));
                sentenceKeys.add(sentenceKeys(referenceKeys[i], line.size(), span));
            }
        }
        this.referenceSentenceKeys = sentenceKeys.toArray(new long[0][]);
        this.sentenceStrata = Strata.of(sentenceLengths, settings.lengthStrata());
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
        CurationConfig filters = filters(nearDuplicateThreshold, seed);
        CurationPipeline pipeline = new CurationPipeline(filters);
        List<CurationSample> previous = new ArrayList<>(previousSynthetic.size());
        for (int i = 0; i < previousSynthetic.size(); i++) {
            previous.add(new CurationSample("previous-" + i, null, null, Tokenizer.detokenize(previousSynthetic.get(i))));
        }
        pipeline.remember(previous, false);
        List<List<String>> survivors = new ArrayList<>();
        List<CurationSample> batch = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> generated = candidates.get(i);
            candidateTokens += generated.size();
            List<String> candidate = settings.minAttestedShare() > 0 ? attestedSentences(generated, rejections) : generated;
            if (candidate.isEmpty() && !generated.isEmpty()) {
                rejections.merge(UNATTESTED, 1, Integer::sum);
                continue;
            }
            if (!candidate.isEmpty() && copies.copiesReference(candidate)) {
                rejections.merge(COPIES_REFERENCE, 1, Integer::sum);
                continue;
            }
            survivors.add(candidate);
            batch.add(new CurationSample("candidate-" + i, null, null, Tokenizer.detokenize(candidate)));
        }
        List<List<String>> pool = new ArrayList<>();
        List<SampleVerdict> verdicts = pipeline.curate(batch, filters);
        for (int i = 0; i < verdicts.size(); i++) {
            SampleVerdict verdict = verdicts.get(i);
            if (verdict.accepted()) {
                pool.add(survivors.get(i));
            } else {
                rejections.merge(verdict.decision().reason().name(), 1, Integer::sum);
            }
        }
        // carry-over: the previous set's synthetic lines compete again, after the fresh ones (generation order)
        int firstCarriedLine = pool.size();
        if (settings.maxCarriedShare() > 0) {
            for (List<String> kept : previousSynthetic) {
                candidateTokens += kept.size();
                if (!kept.isEmpty() && !copies.copiesReference(kept)) {
                    pool.add(kept);
                }
            }
        }

        long anchorCap = (long) Math.floor(maxRealShare * tokenBudget);
        long syntheticBudget = tokenBudget - anchorCap;
        double scale = (double) tokenBudget / referenceTokens;
        LongIntMap selected = new LongIntMap(1 << 16);
        boolean bySentence = settings.units() == SelectionSettings.Unit.SENTENCE;
        List<List<String>> units = new ArrayList<>();
        List<long[]> unitKeys = new ArrayList<>();
        int firstCarried = -1;
        for (int i = 0; i < pool.size(); i++) {
            if (i == firstCarriedLine) {
                firstCarried = units.size();
            }
            List<String> line = pool.get(i);
            long[] keys = ngrams.keys(line);
            if (!bySentence) {
                units.add(line);
                unitKeys.add(keys);
                continue;
            }
            for (int[] span : sentences(line)) {
                units.add(line.subList(span[0], span[1]));
                unitKeys.add(sentenceKeys(keys, line.size(), span));
            }
        }
        if (firstCarried < 0) {
            firstCarried = units.size();
        }
        long carriedCap = (long) Math.floor(settings.maxCarriedShare() * syntheticBudget);
        // a whole line that copies a real line was set aside above; a sentence that copies a real sentence is
        // real data too, checked lazily on the sentences the greedy would take
        IntPredicate copiesReal = bySentence ? u -> sentenceCopies().copiesReference(units.get(u)) : u -> false;
        int[] sentenceCopiesSetAside = new int[1];
        int[] chosen = fill(units, unitKeys.toArray(new long[0][]), syntheticBudget, selected, scale,
                bySentence ? sentenceStrata : lineStrata, firstCarried, carriedCap, u -> {
                    boolean copy = copiesReal.test(u);
                    if (copy) {
                        sentenceCopiesSetAside[0]++;
                    }
                    return copy;
                });
        if (sentenceCopiesSetAside[0] > 0) {
            rejections.merge(COPIES_REFERENCE_SENTENCE, sentenceCopiesSetAside[0], Integer::sum);
        }
        long carriedTokens = 0;
        for (int u : chosen) {
            if (u >= firstCarried) {
                carriedTokens += units.get(u).size();
            }
        }
        List<List<String>> synthetic = new ArrayList<>();
        if (bySentence) {
            Arrays.sort(chosen); // generation order (fresh candidates first, then carried lines)
            synthetic.addAll(assemble(units, chosen, seed));
        } else {
            for (int u : chosen) {
                synthetic.add(units.get(u));
            }
        }
        int notSelected = units.size() - chosen.length - sentenceCopiesSetAside[0];
        if (notSelected > 0) {
            rejections.put(NOT_SELECTED, notSelected);
        }
        long syntheticTokens = 0;
        for (List<String> line : synthetic) {
            syntheticTokens += line.size();
        }
        long anchorBudget = anchorBudget(anchorCap, maxRealShare, syntheticTokens);
        List<List<String>> anchors = new ArrayList<>();
        if (anchorBudget > 0) {
            if (bySentence) {
                int[] real = fill(referenceSentences, referenceSentenceKeys, anchorBudget, selected, scale,
                        sentenceStrata, referenceSentences.size(), 0, u -> false);
                Arrays.sort(real); // reference order
                anchors.addAll(assemble(referenceSentences, real, ~seed));
            } else {
                for (int i : fill(reference, referenceKeys, anchorBudget, selected, scale, lineStrata,
                        reference.size(), 0, u -> false)) {
                    anchors.add(reference.get(i));
                }
            }
        }
        return new CuratedGeneration(synthetic, anchors, candidates.size(), candidateTokens, rejections, carriedTokens);
    }

    /**
     * Chooses whole records (lines) under a token budget with the same objective, strata, carry-over cap and
     * tail anchors as {@link #curate}, for a caller that has already filtered its candidates (the curator
     * service runs the filter chain per sample as samples arrive, and seals a version from the accepted ones).
     * A candidate that copies a reference line is set aside ({@link #COPIES_REFERENCE}): it is real data.
     *
     * @param fresh        this generation's accepted candidates (token lines)
     * @param carried      the previous version's synthetic lines, which may fill at most the settings'
     *                     carried share of the synthetic part
     * @param tokenBudget  the most tokens the version may hold
     * @param maxRealShare the largest share of those tokens that may be real anchors
     */
    public LineSelection selectLines(List<List<String>> fresh, List<List<String>> carried, long tokenBudget,
                                     double maxRealShare) {
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must be >= 0, was " + tokenBudget);
        }
        if (!(maxRealShare >= 0 && maxRealShare < 1)) {
            throw new IllegalArgumentException("maxRealShare must be in [0, 1), was " + maxRealShare);
        }
        List<List<String>> units = new ArrayList<>(fresh.size() + carried.size());
        units.addAll(fresh);
        units.addAll(carried);
        long[][] keys = new long[units.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ngrams.keys(units.get(i));
        }
        long anchorCap = (long) Math.floor(maxRealShare * tokenBudget);
        long syntheticBudget = tokenBudget - anchorCap;
        double scale = Math.max(1, tokenBudget) / (double) referenceTokens;
        LongIntMap selected = new LongIntMap(1 << 12);
        int[] setAside = new int[1];
        int[] chosen = fill(units, keys, syntheticBudget, selected, scale, lineStrata, fresh.size(),
                (long) Math.floor(settings.maxCarriedShare() * syntheticBudget), u -> {
                    boolean copy = copies.copiesReference(units.get(u));
                    if (copy) {
                        setAside[0]++;
                    }
                    return copy;
                });
        Arrays.sort(chosen);
        long syntheticTokens = 0;
        int freshCount = 0;
        for (int u : chosen) {
            syntheticTokens += units.get(u).size();
            if (u < fresh.size()) {
                freshCount++;
            }
        }
        int[] chosenFresh = Arrays.copyOf(chosen, freshCount);
        int[] chosenCarried = Arrays.stream(chosen, freshCount, chosen.length).map(u -> u - fresh.size()).toArray();
        long anchorBudget = anchorBudget(anchorCap, maxRealShare, syntheticTokens);
        int[] anchors = anchorBudget > 0
                ? fill(reference, referenceKeys, anchorBudget, selected, scale, lineStrata, reference.size(), 0, u -> false)
                : new int[0];
        Arrays.sort(anchors);
        long anchorTokens = 0;
        for (int a : anchors) {
            anchorTokens += reference.get(a).size();
        }
        Map<String, Integer> rejections = new TreeMap<>();
        if (setAside[0] > 0) {
            rejections.put(COPIES_REFERENCE, setAside[0]);
        }
        int notSelected = units.size() - chosen.length - setAside[0];
        if (notSelected > 0) {
            rejections.put(NOT_SELECTED, notSelected);
        }
        return new LineSelection(chosenFresh, chosenCarried, anchors, syntheticTokens, anchorTokens, rejections);
    }

    /**
     * What {@link #selectLines} chose: indexes (ascending) into the fresh candidates, the carried lines and the
     * reference, the tokens of each part, and how many candidates were left out and why.
     */
    public record LineSelection(int[] fresh, int[] carried, int[] anchors, long syntheticTokens, long anchorTokens,
                                Map<String, Integer> leftOut) {

        /** Copies the report so a selection cannot change after it is made. */
        public LineSelection {
            leftOut = Map.copyOf(leftOut);
        }
    }

    /**
     * The curator's filter chain as the policy runs it on unprompted lines: the curator's defaults with the
     * instruction stages off (there is no instruction), no semantic stage (no embedder), output length bounds
     * from the reference's lines, and the plan's near-duplicate threshold; the shingle size and repetition cap
     * come from the selection settings.
     */
    CurationConfig filters(double nearDuplicateThreshold, long seed) {
        return CurationConfig.DEFAULTS.toBuilder()
                .instructionEnabled(false).instructionNoveltyEnabled(false).semanticEnabled(false)
                .minWords(minWords).maxWords(maxWords)
                .maxRepeatedNgramShare(settings.maxRepeatedNgramShare())
                .shingleSize(settings.shingleSize())
                .nearDuplicateThreshold(nearDuplicateThreshold)
                .minhashSeed(seed)
                .build();
    }

    /** The real share is of the final set: a short synthetic part shrinks the anchor budget with it. */
    private static long anchorBudget(long anchorCap, double maxRealShare, long syntheticTokens) {
        return Math.min(anchorCap,
                maxRealShare == 0 ? 0 : (long) Math.floor(maxRealShare / (1 - maxRealShare) * syntheticTokens));
    }

    /**
     * The line without the sentences whose bigrams and higher n-grams (up to the profile order, in the
     * line's own context) are attested in the reference less than {@code minAttestedShare} of the time; the
     * kept sentences stay whole and in their generated order. A sentence ends at a {@code .}, {@code ?} or
     * {@code !} token, the line's last sentence at its end.
     */
    List<String> attestedSentences(List<String> line, Map<String, Integer> rejections) {
        if (line.isEmpty() || settings.maxOrder() < 2) {
            return line;
        }
        long[] keys = ngrams.keys(line);
        int orders = ngrams.maxOrder();
        List<String> kept = new ArrayList<>(line.size());
        int start = 0;
        int cut = 0;
        for (int i = 0; i < line.size(); i++) {
            boolean last = i == line.size() - 1;
            if (!last && !isSentenceEnd(line.get(i))) {
                continue;
            }
            int endPosition = last ? line.size() : i; // the last sentence owns the end-of-line event too
            int attested = 0;
            int total = 0;
            for (int p = start; p <= endPosition; p++) {
                for (int n = 2; n <= orders; n++) {
                    total++;
                    if (referenceCounts.get(keys[p * orders + n - 1]) > 0) {
                        attested++;
                    }
                }
            }
            if (attested >= settings.minAttestedShare() * total) {
                kept.addAll(line.subList(start, i + 1));
            } else {
                cut++;
            }
            start = i + 1;
        }
        if (cut > 0) {
            rejections.merge(UNATTESTED_SENTENCES, cut, Integer::sum);
        }
        return cut == 0 ? line : kept;
    }

    private static boolean isSentenceEnd(String token) {
        return token.equals(".") || token.equals("?") || token.equals("!");
    }

    /**
     * Packs the chosen sentences, in generation order, into lines whose lengths follow the reference's line
     * lengths (drawn in a seeded random order): a line is closed when the next sentence would take it further
     * from its target length than it already is.
     */
    private List<List<String>> assemble(List<List<String>> units, int[] chosen, long seed) {
        int[] targets = reference.stream().mapToInt(List::size).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = targets.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = targets[i];
            targets[i] = targets[j];
            targets[j] = t;
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int next = 0;
        for (int u : chosen) {
            List<String> sentence = units.get(u);
            int target = targets[next % targets.length];
            if (!current.isEmpty()
                    && Math.abs(current.size() + sentence.size() - target) > Math.abs(current.size() - target)) {
                lines.add(List.copyOf(current));
                current.clear();
                next++;
            }
            current.addAll(sentence);
        }
        if (!current.isEmpty()) {
            lines.add(List.copyOf(current));
        }
        return lines;
    }

    /** A sentence's n-gram keys in its line's context; the line's last sentence owns the end-of-line event. */
    private long[] sentenceKeys(long[] lineKeys, int lineLength, int[] span) {
        int orders = ngrams.maxOrder();
        int endPosition = span[1] == lineLength ? span[1] + 1 : span[1];
        return Arrays.copyOfRange(lineKeys, span[0] * orders, endPosition * orders);
    }

    private ReferenceCopies sentenceCopyIndex;

    /** Copy index of the reference's sentences, built on first use. */
    private ReferenceCopies sentenceCopies() {
        if (sentenceCopyIndex == null) {
            sentenceCopyIndex = new ReferenceCopies(referenceSentences, settings.shingleSize(), settings.copyThreshold());
        }
        return sentenceCopyIndex;
    }

    /** The real reference's number of tokens. */
    public long referenceTokens() {
        return referenceTokens;
    }

    /** Lazy greedy, stratified by line length: indices of the chosen lines, in the order chosen. */
    private int[] fill(List<List<String>> lines, long[][] keys, long budget, LongIntMap selected, double scale,
                       Strata by, int firstCarried, long carriedCap, IntPredicate setAside) {
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


    private static int words(List<String> line) {
        int words = 0;
        for (String token : line) {
            if (Tokenizer.isWord(token)) {
                words++;
            }
        }
        return words;
    }

    /** Sentence spans [start, end) of a line: each ends at a {@code .}, {@code ?} or {@code !}, the last at the line's end. */
    public static List<int[]> sentences(List<String> line) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.size(); i++) {
            if (i == line.size() - 1 || isSentenceEnd(line.get(i))) {
                spans.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return spans;
    }

    /** Length strata: upper bounds at quantiles of the reference's unit lengths, and each stratum's token share. */
    record Strata(int[] upper, double[] share) {

        static Strata of(List<Integer> lengths, int wanted) {
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
            Strata made = new Strata(upper, share);
            for (int length : sorted) {
                share[made.stratum(length)] += (double) length / tokens;
            }
            return made;
        }

        int stratum(int length) {
            for (int s = 0; s < upper.length; s++) {
                if (length <= upper[s]) {
                    return s;
                }
            }
            return upper.length - 1;
        }
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
