package dev.longtail.core.selection;

import dev.longtail.core.dedup.LshIndex;
import dev.longtail.core.dedup.LshParameters;
import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises synthetic lines that copy a real reference line: an exact or near duplicate (Jaccard
 * similarity of word shingles at or above a threshold). Such a line is real data in disguise and counts
 * toward the real share of a dataset version, not the synthetic one.
 *
 * <p>The curator's own MinHash-LSH ({@link ShingleMinHasher}, {@link LshIndex}; Broder 1997) finds the
 * reference lines that share a band with the line; the exact Jaccard similarity of the word shingle sets
 * then decides, so the estimate's noise never flips a verdict near the threshold.
 */
public final class ReferenceCopies {

    private static final int PERMUTATIONS = 128;
    /** Most LSH candidates checked exactly per line (a bound on the work when a template fills buckets). */
    private static final int MAX_CANDIDATES = 64;

    private final ShingleMinHasher hasher;
    private final LshIndex index;
    private final List<long[]> shingleSets = new ArrayList<>();
    private final double threshold;

    /** Indexes the reference lines; {@code shingleSize}-word shingles, copies at Jaccard &ge; threshold. */
    public ReferenceCopies(List<List<String>> reference, int shingleSize, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.hasher = new ShingleMinHasher(PERMUTATIONS, shingleSize, 0x5EEDL);
        // a slightly lower banding threshold keeps recall high; the exact check restores precision
        this.index = new LshIndex(PERMUTATIONS, LshParameters.forThreshold(PERMUTATIONS, Math.max(0.05, threshold - 0.1)));
        for (List<String> line : reference) {
            long[] words = wordHashes(line);
            index.add(hasher.signatureOfTokens(words));
            shingleSets.add(hasher.shingleSet(words));
        }
    }

    /** The largest exact Jaccard similarity of the line to a reference line found by LSH (0 when none). */
    public double closestSimilarity(List<String> line) {
        long[] words = wordHashes(line);
        if (words.length == 0) {
            return 0.0;
        }
        long[] mine = hasher.shingleSet(words);
        double best = 0.0;
        for (int position : index.candidates(hasher.signatureOfTokens(words), MAX_CANDIDATES)) {
            best = Math.max(best, ShingleMinHasher.jaccard(mine, shingleSets.get(position)));
        }
        return best;
    }

    /** Whether the line is an exact or near duplicate of a reference line. */
    public boolean copiesReference(List<String> line) {
        return closestSimilarity(line) >= threshold;
    }

    /** The Jaccard threshold at which a line counts as a copy. */
    public double threshold() {
        return threshold;
    }

    /** Hashes of the line's words (punctuation is not a word: the rule is on word 5-grams). */
    private static long[] wordHashes(List<String> line) {
        return ShingleMinHasher.tokenHashes(line.stream().filter(Tokenizer::isWord).toList());
    }
}
