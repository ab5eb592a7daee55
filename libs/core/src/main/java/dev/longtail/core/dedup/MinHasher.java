package dev.longtail.core.dedup;

import dev.longtail.core.text.NGrams;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures of word shingles (Broder 1997, "On the resemblance and containment of documents").
 *
 * <p>For a set S and a random permutation π, P[min π(S) = min π(T)] = J(S, T) = |S ∩ T| / |S ∪ T|, so the
 * share of equal signature positions over k permutations estimates the Jaccard similarity with standard
 * error sqrt(J(1−J)/k) (about 0.035 at J = 0.5 with k = 128).
 *
 * <p>Each shingle is hashed once with a 64-bit hash (FNV-1a over the UTF-16 chars, then the MurmurHash3
 * finaliser for avalanche), reduced modulo the Mersenne prime p = 2^61 − 1; the k permutations are the
 * universal hashes h_i(x) = (a_i·x + b_i) mod p with a_i ∈ [1, p), b_i ∈ [0, p) drawn from the seed. Each
 * signature position keeps the low 32 bits of the minimum, which halves memory at a false-match chance of
 * 2^−32 per position.
 */
public final class MinHasher {

    /** The Mersenne prime 2^61 − 1. */
    static final long MERSENNE_61 = (1L << 61) - 1;

    private final int permutations;
    private final int shingleSize;
    private final long[] a;
    private final long[] b;

    /** Draws {@code permutations} universal hash functions from {@code seed}; shingles are word k-grams. */
    public MinHasher(int permutations, int shingleSize, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
        }
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be >= 1, was " + shingleSize);
        }
        this.permutations = permutations;
        this.shingleSize = shingleSize;
        this.a = new long[permutations];
        this.b = new long[permutations];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < permutations; i++) {
            a[i] = 1 + random.nextLong(MERSENNE_61 - 1);
            b[i] = random.nextLong(MERSENNE_61);
        }
    }

    /**
     * The MinHash signature of the token list's shingles. An empty token list has no shingles; its
     * signature is all {@link Integer#MAX_VALUE} (callers such as {@link NearDuplicateIndex} skip it).
     */
    public int[] signature(List<String> tokens) {
        Set<String> shingles = shingles(tokens, shingleSize);
        long[] min = new long[permutations];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (String shingle : shingles) {
            long x = mod61(hash64(shingle) & Long.MAX_VALUE);
            for (int i = 0; i < permutations; i++) {
                long h = mulAddMod61(a[i], x, b[i]);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        int[] signature = new int[permutations];
        for (int i = 0; i < permutations; i++) {
            signature[i] = min[i] == Long.MAX_VALUE ? Integer.MAX_VALUE : (int) min[i];
        }
        return signature;
    }

    /**
     * The set of word k-grams (joined by single spaces). A non-empty list shorter than k gives one shingle
     * of all its tokens, so short texts still compare; an empty list gives the empty set.
     */
    public static Set<String> shingles(List<String> tokens, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (tokens.isEmpty()) {
            return new HashSet<>();
        }
        if (tokens.size() < k) {
            Set<String> one = new LinkedHashSet<>();
            one.add(String.join(" ", tokens));
            return one;
        }
        return new LinkedHashSet<>(NGrams.of(tokens, k));
    }

    /**
     * Exact Jaccard similarity |A ∩ B| / |A ∪ B|. Two empty sets give 0.0: an empty text carries no
     * evidence of being a duplicate of anything, and curation rejects empty texts for length first.
     */
    public static double jaccard(Set<?> a, Set<?> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0.0;
        }
        Set<?> small = a.size() <= b.size() ? a : b;
        Set<?> large = small == a ? b : a;
        int intersection = 0;
        for (Object o : small) {
            if (large.contains(o)) {
                intersection++;
            }
        }
        return (double) intersection / (a.size() + b.size() - intersection);
    }

    /** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
    public static double estimateJaccard(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** Number of hash functions, i.e. the signature length. */
    public int permutations() {
        return permutations;
    }

    /** Words per shingle. */
    public int shingleSize() {
        return shingleSize;
    }

    /** 64-bit FNV-1a over the chars followed by the MurmurHash3 fmix64 finaliser. */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long mod61(long x) {
        long r = (x & MERSENNE_61) + (x >>> 61);
        return r >= MERSENNE_61 ? r - MERSENNE_61 : r;
    }

    /** (a·x + b) mod 2^61−1 for a, x, b in [0, 2^61−1), using the 128-bit product. */
    static long mulAddMod61(long a, long x, long b) {
        long lo = a * x;
        long hi = Math.multiplyHigh(a, x);
        // product = hi·2^64 + lo < 2^122; split into low 61 bits and the rest (< 2^61)
        long low61 = lo & MERSENNE_61;
        long high = (lo >>> 61) | (hi << 3);
        long r = mod61(low61 + high);
        return mod61(r + b);
    }
}
