package dev.longtail.core.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MinHash-LSH index of accepted texts (Broder 1997; Indyk &amp; Motwani 1998): finds a stored text whose
 * estimated Jaccard similarity reaches a threshold without comparing against everything.
 *
 * <p>Memory-lean: one int[] signature per text, and per band a hash map from the band's 64-bit key to a
 * small growable int array of text positions. Empty texts (no shingles) are neither stored nor matched.
 * Not thread-safe: one index belongs to one curation session, which callers serialise.
 */
public final class NearDuplicateIndex {

    private final MinHasher hasher;
    private final LshParameters parameters;
    private final List<String> ids = new ArrayList<>();
    private final List<int[]> signatures = new ArrayList<>();
    private final List<Map<Long, int[]>> buckets;

    /** An empty index; the banding must fit in the hasher's signature (b·r &le; permutations). */
    public NearDuplicateIndex(MinHasher hasher, LshParameters parameters) {
        if (parameters.signatureLength() > hasher.permutations()) {
            throw new IllegalArgumentException("bands x rows = " + parameters.signatureLength()
                    + " exceeds the " + hasher.permutations() + " permutations of the hasher");
        }
        this.hasher = hasher;
        this.parameters = parameters;
        this.buckets = new ArrayList<>(parameters.bands());
        for (int i = 0; i < parameters.bands(); i++) {
            buckets.add(new HashMap<>());
        }
    }

    /** The most similar stored text with estimated Jaccard &ge; threshold, if any. */
    public Optional<NearDuplicate> findNearDuplicate(List<String> tokens, double threshold) {
        return findNearDuplicate(hasher.signature(tokens), threshold);
    }

    /** As {@link #findNearDuplicate(List, double)} for a signature computed by the same hasher. */
    public Optional<NearDuplicate> findNearDuplicate(int[] signature, double threshold) {
        return bestCandidate(signature).filter(match -> match.jaccard() >= threshold);
    }

    /**
     * The LSH candidate with the highest estimated Jaccard similarity, whatever its value (earliest added
     * wins ties); empty when no band collides. Curation reports it as the score of an accepted sample.
     */
    public Optional<NearDuplicate> bestCandidate(int[] signature) {
        checkLength(signature);
        if (isEmptySignature(signature) || ids.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        double bestJaccard = -1;
        java.util.BitSet seen = new java.util.BitSet(ids.size());
        for (int band = 0; band < parameters.bands(); band++) {
            int[] bucket = buckets.get(band).get(bandKey(signature, band));
            if (bucket == null) {
                continue;
            }
            for (int i = 1; i <= bucket[0]; i++) {
                int position = bucket[i];
                if (seen.get(position)) {
                    continue;
                }
                seen.set(position);
                double j = MinHasher.estimateJaccard(signature, signatures.get(position));
                if (j > bestJaccard || (j == bestJaccard && position < best)) {
                    bestJaccard = j;
                    best = position;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new NearDuplicate(ids.get(best), bestJaccard));
    }

    /** Stores a text under an id; a text without tokens is ignored. */
    public void add(String id, List<String> tokens) {
        add(id, hasher.signature(tokens));
    }

    /** Stores a signature computed by the same hasher; an empty text's signature is ignored. */
    public void add(String id, int[] signature) {
        checkLength(signature);
        if (isEmptySignature(signature)) {
            return;
        }
        int position = ids.size();
        ids.add(id);
        signatures.add(signature);
        for (int band = 0; band < parameters.bands(); band++) {
            buckets.get(band).merge(bandKey(signature, band), new int[] {1, position}, NearDuplicateIndex::append);
        }
    }

    /** Number of stored texts. */
    public int size() {
        return ids.size();
    }

    /** The hasher whose signatures this index stores. */
    public MinHasher hasher() {
        return hasher;
    }

    /** The banding in use. */
    public LshParameters parameters() {
        return parameters;
    }

    private void checkLength(int[] signature) {
        if (signature.length != hasher.permutations()) {
            throw new IllegalArgumentException("signature length " + signature.length + " != "
                    + hasher.permutations() + " permutations");
        }
    }

    private static boolean isEmptySignature(int[] signature) {
        for (int v : signature) {
            if (v != Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** Appends the single position held in {@code one} to the bucket (slot 0 holds the size). */
    private static int[] append(int[] bucket, int[] one) {
        int size = bucket[0];
        int[] grown = size + 1 < bucket.length ? bucket : Arrays.copyOf(bucket, Math.max(4, bucket.length * 2));
        grown[size + 1] = one[1];
        grown[0] = size + 1;
        return grown;
    }

    private long bandKey(int[] signature, int band) {
        int rows = parameters.rows();
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int i = band * rows; i < (band + 1) * rows; i++) {
            h ^= signature[i] & 0xFFFFFFFFL;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        return h;
    }
}
