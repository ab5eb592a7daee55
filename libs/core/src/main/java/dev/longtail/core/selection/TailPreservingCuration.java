package dev.longtail.core.selection;

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
 *       trained on; see {@link CandidateScreening#filters}), and a candidate that copies
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
 * The steps live in {@link ReferenceProfile} (the reference's n-gram profile, strata and copy indexes),
 * {@link CandidateScreening} (quality, novelty, copies), {@link SentenceUnits} (units and packing),
 * {@link StratifiedGreedy} (the objective and its stratified lazy greedy) and {@link LineSelector} (whole lines
 * for a caller that filtered already); this class orchestrates them. Deterministic for a given input and seed.
 * Not thread-safe (one instance per campaign).
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
    private final ReferenceProfile profile;
    private final CandidateScreening screening;
    private final StratifiedGreedy greedy;
    private final LineSelector lineSelector;

    /** Prepares the policy for a real reference (token lines): its n-gram profile, strata and copy index. */
    public TailPreservingCuration(List<List<String>> reference, SelectionSettings settings) {
        this.settings = settings;
        this.profile = new ReferenceProfile(reference, settings);
        this.screening = new CandidateScreening(profile, settings);
        this.greedy = new StratifiedGreedy(profile, settings);
        this.lineSelector = new LineSelector(profile, greedy, settings);
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
        CandidateScreening.Pool pool = screening.screen(candidates, previousSynthetic, nearDuplicateThreshold, seed,
                rejections);

        long anchorCap = (long) Math.floor(maxRealShare * tokenBudget);
        long syntheticBudget = tokenBudget - anchorCap;
        double scale = (double) tokenBudget / profile.tokens();
        LongIntMap selected = new LongIntMap(1 << 16);
        boolean bySentence = settings.units() == SelectionSettings.Unit.SENTENCE;
        SentenceUnits.Units split = SentenceUnits.split(pool.lines(), pool.firstCarried(), profile, bySentence);
        List<List<String>> units = split.units();
        long carriedCap = (long) Math.floor(settings.maxCarriedShare() * syntheticBudget);
        // a whole line that copies a real line was set aside in the screening; a sentence that copies a real
        // sentence is real data too, checked lazily on the sentences the greedy would take
        IntPredicate copiesReal = bySentence ? u -> profile.sentenceCopies().copiesReference(units.get(u)) : u -> false;
        StratifiedGreedy.Choice choice = greedy.fill(units, split.keys(), syntheticBudget, selected, scale,
                bySentence ? profile.sentenceStrata() : profile.lineStrata(), split.firstCarried(), carriedCap,
                copiesReal);
        if (choice.setAside() > 0) {
            rejections.merge(COPIES_REFERENCE_SENTENCE, choice.setAside(), Integer::sum);
        }
        int[] chosen = choice.chosen();
        long carriedTokens = 0;
        for (int u : chosen) {
            if (u >= split.firstCarried()) {
                carriedTokens += units.get(u).size();
            }
        }
        List<List<String>> synthetic = new ArrayList<>();
        if (bySentence) {
            Arrays.sort(chosen); // generation order (fresh candidates first, then carried lines)
            synthetic.addAll(SentenceUnits.pack(units, chosen, seed, profile.lines()));
        } else {
            for (int u : chosen) {
                synthetic.add(units.get(u));
            }
        }
        int notSelected = units.size() - chosen.length - choice.setAside();
        if (notSelected > 0) {
            rejections.put(NOT_SELECTED, notSelected);
        }
        long syntheticTokens = 0;
        for (List<String> line : synthetic) {
            syntheticTokens += line.size();
        }
        long anchorBudget = StratifiedGreedy.anchorBudget(anchorCap, maxRealShare, syntheticTokens);
        List<List<String>> anchors = new ArrayList<>();
        if (anchorBudget > 0) {
            int[] real = greedy.anchors(bySentence, anchorBudget, selected, scale);
            if (bySentence) {
                Arrays.sort(real); // reference order
                anchors.addAll(SentenceUnits.pack(profile.sentences(), real, ~seed, profile.lines()));
            } else {
                for (int i : real) {
                    anchors.add(profile.lines().get(i));
                }
            }
        }
        return new CuratedGeneration(synthetic, anchors, candidates.size(), pool.candidateTokens(), rejections,
                carriedTokens);
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
        return lineSelector.select(fresh, carried, tokenBudget, maxRealShare);
    }

    /** The real reference's number of tokens. */
    public long referenceTokens() {
        return profile.tokens();
    }

    /** Sentence spans [start, end) of a line: each ends at . ? or !, the last at the line's end. */
    public static List<int[]> sentences(List<String> line) {
        return SentenceUnits.spans(line);
    }
}
