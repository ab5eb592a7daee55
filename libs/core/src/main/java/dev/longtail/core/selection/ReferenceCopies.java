package dev.longtail.core.selection;

import dev.longtail.core.dedup.LshParameters;
import dev.longtail.core.dedup.MinHasher;
import dev.longtail.core.dedup.NearDuplicate;
import dev.longtail.core.dedup.NearDuplicateIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises synthetic lines that copy a real reference line: an exact or near duplicate (Jaccard
 * similarity of word shingles at or above a threshold). Such a line is real data in disguise and counts
 * toward the real share of a dataset version, not the synthetic one.
 *
 * <p>MinHash-LSH finds the most similar reference line (Broder 1997); the exact Jaccard similarity of the
 * shingle sets then decides, so the estimate's noise never flips a verdict near the threshold.
 */
public final class ReferenceCopies {

    private static final int PERMUTATIONS = 128;

    private final MinHasher hasher;
    private final NearDuplicateIndex index;
    private final List<Set<String>> shingles = new ArrayList<>();
    private final int shingleSize;
    private final double threshold;

    /** Indexes the reference lines; {@code shingleSize}-word shingles, copies at Jaccard &ge; threshold. */
    public ReferenceCopies(List<List<String>> reference, int shingleSize, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.shingleSize = shingleSize;
        this.threshold = threshold;
        this.hasher = new MinHasher(PERMUTATIONS, shingleSize, 0x5EEDL);
        // a slightly lower banding threshold keeps recall high; the exact check restores precision
        this.index = new NearDuplicateIndex(hasher, LshParameters.forThreshold(PERMUTATIONS, Math.max(0.05, threshold - 0.1)));
        for (List<String> line : reference) {
            index.add(Integer.toString(shingles.size()), hasher.signature(line));
            shingles.add(MinHasher.shingles(line, shingleSize));
        }
    }

    /** The exact Jaccard similarity of the line to its closest reference line found by LSH (0 when none). */
    public double closestSimilarity(List<String> line) {
        if (line.isEmpty()) {
            return 0.0;
        }
        Optional<NearDuplicate> best = index.bestCandidate(hasher.signature(line));
        if (best.isEmpty()) {
            return 0.0;
        }
        Set<String> mine = MinHasher.shingles(line, shingleSize);
        return MinHasher.jaccard(mine, shingles.get(Integer.parseInt(best.get().id())));
    }

    /** Whether the line is an exact or near duplicate of a reference line. */
    public boolean copiesReference(List<String> line) {
        return closestSimilarity(line) >= threshold;
    }

    /** The Jaccard threshold at which a line counts as a copy. */
    public double threshold() {
        return threshold;
    }
}
