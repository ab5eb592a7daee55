package dev.longtail.core.lm;

import dev.longtail.core.evolution.ContentWords;
import java.util.ArrayList;
import java.util.Arrays;
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
 * A query touches only the postings of its own few content words, O(Σ postings) per query, which stays small
 * for a training version of thousands of records.
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
        Map<Integer, int[]> overlap = new HashMap<>();
        for (String word : query) {
            int[] records = postings.get(word);
            if (records != null) {
                for (int r : records) {
                    overlap.computeIfAbsent(r, x -> new int[1])[0]++;
                }
            }
        }
        Neighbour[] candidates = new Neighbour[overlap.size()];
        int i = 0;
        for (Map.Entry<Integer, int[]> e : overlap.entrySet()) {
            int r = e.getKey();
            int common = e.getValue()[0];
            candidates[i++] = new Neighbour(r, (double) common / (query.size() + setSizes[r] - common));
        }
        Arrays.sort(candidates, (a, b) -> {
            int c = Double.compare(b.jaccard(), a.jaccard());
            return c != 0 ? c : Integer.compare(a.record(), b.record());
        });
        return List.of(Arrays.copyOf(candidates, Math.min(k, candidates.length)));
    }
}
