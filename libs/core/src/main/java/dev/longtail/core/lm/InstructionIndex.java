package dev.longtail.core.lm;

import dev.longtail.core.evolution.ContentWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records whose instructions are nearest to a query instruction: exact Jaccard similarity
 * |A ∩ B| / |A ∪ B| of content-word sets ({@link ContentWords}: no stop words, no instruction verbs such as
 * "explain" or "list"), through an inverted index from each content word to the records that contain it.
 *
 * <p>Exact rather than MinHash-LSH: banded LSH finds pairs above a similarity threshold, while the k nearest
 * instructions of a short query often share only one or two words (Jaccard 0.1–0.3), where LSH recall is poor.
 * A query touches only the postings of its own few content words: O(Σ postings) time, plus one counter per
 * record (zeroed memory), which stays small for a training version of thousands of records.
 *
 * <p>Only records sharing at least one content word are neighbours (Jaccard &gt; 0); the order is by Jaccard,
 * descending, then by record position, so the answer is deterministic. Immutable and thread-safe.
 */
public final class InstructionIndex {

    private final int size;
    private final int[] setSizes;
    private final Map<String, int[]> postings;

    /** One record per instruction, at its position in the list (null counts as empty). */
    public InstructionIndex(List<String> instructions) {
        size = instructions.size();
        setSizes = new int[size];
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int r = 0; r < size; r++) {
            List<String> words = ContentWords.of(instructions.get(r));
            setSizes[r] = words.size();
            for (String word : words) {
                lists.computeIfAbsent(word, w -> new ArrayList<>()).add(r);
            }
        }
        postings = new HashMap<>(lists.size() * 2);
        lists.forEach((word, records) -> postings.put(word, records.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** A record near the query: its position and the Jaccard similarity of the content-word sets. */
    public record Neighbour(int record, double jaccard) {
    }

    /** Number of indexed records. */
    public int size() {
        return size;
    }

    /**
     * The at most k records nearest to the query, nearest first; empty when k is 0 or no record shares a
     * content word with it.
     */
    public List<Neighbour> nearest(String instruction, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        List<String> query = ContentWords.of(instruction);
        if (k == 0 || query.isEmpty()) {
            return List.of();
        }
        int[] common = new int[size];
        int[] touched = new int[size];
        int candidates = 0;
        for (String word : query) {
            int[] records = postings.get(word);
            if (records != null) {
                for (int r : records) {
                    if (common[r]++ == 0) {
                        touched[candidates++] = r;
                    }
                }
            }
        }
        // the k best by a running insertion: k is small, and no object per candidate
        int[] best = new int[Math.min(k, candidates)];
        double[] similarity = new double[best.length];
        int kept = 0;
        for (int i = 0; i < candidates; i++) {
            int r = touched[i];
            double jaccard = (double) common[r] / (query.size() + setSizes[r] - common[r]);
            int at = kept;
            while (at > 0 && (similarity[at - 1] < jaccard || similarity[at - 1] == jaccard && best[at - 1] > r)) {
                at--;
            }
            if (at < best.length) {
                int move = Math.min(kept, best.length - 1) - at;
                System.arraycopy(best, at, best, at + 1, move);
                System.arraycopy(similarity, at, similarity, at + 1, move);
                best[at] = r;
                similarity[at] = jaccard;
                kept = Math.min(kept + 1, best.length);
            }
        }
        List<Neighbour> nearest = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            nearest.add(new Neighbour(best[i], similarity[i]));
        }
        return List.copyOf(nearest);
    }
}
