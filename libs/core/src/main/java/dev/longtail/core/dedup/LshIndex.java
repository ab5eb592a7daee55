package dev.longtail.core.dedup;

import java.util.Arrays;

/**
 * Memory-lean MinHash-LSH index (Indyk &amp; Motwani 1998; Leskovec, Rajaraman &amp; Ullman, "Mining of Massive
 * Datasets", ch. 3) for millions of accepted samples: signatures live in one flat short array (b-bit minwise
 * hashing, Li &amp; König 2010: 16 bits of each minimum; two different minima agree by chance with probability
 * 2^−16, a negligible bias on the estimate), and each band is an open-addressing table from a 32-bit band key to the
 * newest position with that key, chained through a per-band int array of older positions. No object per sample:
 * about 2·permutations + 16·bands bytes each.
 *
 * <p>Positions are 0, 1, 2, … in insertion order; the caller keeps whatever it needs per position. A band-key
 * collision only adds a candidate, which the signature estimate then judges. Not thread-safe.
 */
public final class LshIndex {

    private static final int EMPTY_KEY = 0;

    private final int permutations;
    private final LshParameters parameters;
    private short[] signatures;
    private int size;
    private final int[][] keys;
    private final int[][] heads;
    private final int[] used;
    private final int[][] next;

    /** An empty index for signatures of {@code permutations} values banded by {@code parameters}. */
    public LshIndex(int permutations, LshParameters parameters) {
        if (parameters.signatureLength() > permutations) {
            throw new IllegalArgumentException("bands x rows = " + parameters.signatureLength()
                    + " exceeds the signature length " + permutations);
        }
        this.permutations = permutations;
        this.parameters = parameters;
        int bands = parameters.bands();
        this.signatures = new short[permutations * 16];
        this.keys = new int[bands][16];
        this.heads = new int[bands][16];
        this.used = new int[bands];
        this.next = new int[bands][16];
    }

    /** Stores a signature and returns its position; an empty text's signature is stored but never matched. */
    public int add(int[] signature) {
        checkLength(signature);
        return add(reduce(signature), ShingleMinHasher.isEmpty(signature));
    }

    /** As {@link #add(int[])} for a signature already {@link #reduce reduced}. */
    public int add(short[] reduced, boolean empty) {
        if (reduced.length != permutations) {
            throw new IllegalArgumentException("signature length " + reduced.length + " != " + permutations);
        }
        int position = size;
        if ((position + 1) * permutations > signatures.length) {
            signatures = Arrays.copyOf(signatures, grow(signatures.length, (position + 1) * permutations));
        }
        System.arraycopy(reduced, 0, signatures, position * permutations, permutations);
        size++;
        for (int band = 0; band < parameters.bands(); band++) {
            if (position >= next[band].length) {
                next[band] = Arrays.copyOf(next[band], grow(next[band].length, position + 1));
            }
            if (empty) {
                next[band][position] = -1;
                continue;
            }
            int key = bandKey(reduced, band);
            int slot = slotOf(band, key);
            if (keys[band][slot] == EMPTY_KEY) {
                keys[band][slot] = key;
                heads[band][slot] = position + 1;
                next[band][position] = -1;
                if (++used[band] * 20 > keys[band].length * 17) {
                    rehash(band);
                }
            } else {
                next[band][position] = heads[band][slot] - 1;
                heads[band][slot] = position + 1;
            }
        }
        return position;
    }

    /**
     * The distinct positions that share at least one band with the signature, newest first within each band,
     * at most {@code limit} of them (a bound on the work per query when a template makes buckets huge).
     */
    public int[] candidates(int[] signature, int limit) {
        checkLength(signature);
        if (size == 0 || ShingleMinHasher.isEmpty(signature)) {
            return new int[0];
        }
        return candidates(reduce(signature), limit);
    }

    /** As {@link #candidates(int[], int)} for the reduced signature of a non-empty text. */
    public int[] candidates(short[] reduced, int limit) {
        if (size == 0) {
            return new int[0];
        }
        int[] found = new int[Math.min(limit, 16)];
        int count = 0;
        IntSet seen = new IntSet();
        for (int band = 0; band < parameters.bands() && count < limit; band++) {
            int key = bandKey(reduced, band);
            int slot = slotOf(band, key);
            if (keys[band][slot] == EMPTY_KEY) {
                continue;
            }
            for (int p = heads[band][slot] - 1; p >= 0 && count < limit; p = next[band][p]) {
                if (seen.add(p)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, Math.min(limit, found.length * 2));
                    }
                    found[count++] = p;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The candidate with the highest estimated Jaccard similarity (earliest position wins ties), or null when no
     * band collides; at most {@code limit} candidates are compared.
     */
    public Match best(int[] signature, int limit) {
        int best = -1;
        double bestJaccard = -1;
        short[] reduced = reduce(signature);
        for (int p : candidates(signature, limit)) {
            double j = estimate(reduced, p);
            if (j > bestJaccard || (j == bestJaccard && p < best)) {
                best = p;
                bestJaccard = j;
            }
        }
        return best < 0 ? null : new Match(best, bestJaccard);
    }

    /** Estimated Jaccard similarity of a signature and the one stored at a position. */
    public double estimate(int[] signature, int position) {
        return estimate(reduce(signature), position);
    }

    /** Estimated Jaccard similarity of a reduced signature and the one stored at a position. */
    public double estimate(short[] reduced, int position) {
        int offset = position * permutations;
        int equal = 0;
        for (int i = 0; i < permutations; i++) {
            if (reduced[i] == signatures[offset + i]) {
                equal++;
            }
        }
        return (double) equal / permutations;
    }

    /** The 16 bits of each minimum that the index keeps. */
    public static short[] reduce(int[] signature) {
        short[] reduced = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            reduced[i] = (short) (signature[i] ^ (signature[i] >>> 16));
        }
        return reduced;
    }

    /** Number of stored signatures. */
    public int size() {
        return size;
    }

    public LshParameters parameters() {
        return parameters;
    }

    /** Bytes of the arrays held (allocated capacity included): signatures, band tables and chains. */
    public long memoryBytes() {
        long bytes = 2L * signatures.length;
        for (int band = 0; band < parameters.bands(); band++) {
            bytes += 4L * (keys[band].length + heads[band].length + next[band].length) + 3 * 16;
        }
        return bytes;
    }

    /** Same index over the same signatures, banded for another threshold (the signatures are copied once). */
    public LshIndex rebanded(LshParameters other) {
        LshIndex index = new LshIndex(permutations, other);
        for (int p = 0; p < size; p++) {
            short[] reduced = Arrays.copyOfRange(signatures, p * permutations, (p + 1) * permutations);
            index.add(reduced, isEmpty(p));
        }
        return index;
    }

    /** Whether the text at a position had no shingles: every kept value is that of {@link ShingleMinHasher#EMPTY}. */
    private boolean isEmpty(int position) {
        short empty = (short) (ShingleMinHasher.EMPTY ^ (ShingleMinHasher.EMPTY >>> 16));
        for (int i = position * permutations; i < (position + 1) * permutations; i++) {
            if (signatures[i] != empty) {
                return false;
            }
        }
        return true;
    }

    private int slotOf(int band, int key) {
        int[] table = keys[band];
        int mask = table.length - 1;
        int slot = (key * 0x9E3779B9) >>> 7 & mask;
        while (table[slot] != EMPTY_KEY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash(int band) {
        int[] oldKeys = keys[band];
        int[] oldHeads = heads[band];
        keys[band] = new int[oldKeys.length * 2];
        heads[band] = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY_KEY) {
                int slot = slotOf(band, oldKeys[i]);
                keys[band][slot] = oldKeys[i];
                heads[band][slot] = oldHeads[i];
            }
        }
    }

    private int bandKey(short[] signature, int band) {
        int rows = parameters.rows();
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int i = band * rows; i < (band + 1) * rows; i++) {
            h = (h ^ (signature[i] & 0xFFFFL)) * 0xff51afd7ed558ccdL;
            h ^= h >>> 29;
        }
        int key = (int) (h ^ (h >>> 32));
        return key == EMPTY_KEY ? 1 : key;
    }

    private void checkLength(int[] signature) {
        if (signature.length != permutations) {
            throw new IllegalArgumentException("signature length " + signature.length + " != " + permutations);
        }
    }

    /** Growth by a quarter: large indexes waste at most a fifth of their arrays. */
    private static int grow(int current, int needed) {
        return Math.max(needed, current + (current >> 2) + 16);
    }

    /** A stored position and its estimated Jaccard similarity to the query. */
    public record Match(int position, double jaccard) {
    }

    /** Small open-addressing set of non-negative ints, for de-duplicating candidates of one query. */
    static final class IntSet {
        private int[] slots = new int[32];
        private int count;

        IntSet() {
            Arrays.fill(slots, -1);
        }

        boolean add(int value) {
            if ((count + 1) * 2 > slots.length) {
                int[] old = slots;
                slots = new int[old.length * 2];
                Arrays.fill(slots, -1);
                count = 0;
                for (int v : old) {
                    if (v >= 0) {
                        add(v);
                    }
                }
            }
            int mask = slots.length - 1;
            int slot = (value * 0x9E3779B9) >>> 5 & mask;
            while (slots[slot] >= 0) {
                if (slots[slot] == value) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            count++;
            return true;
        }
    }
}
