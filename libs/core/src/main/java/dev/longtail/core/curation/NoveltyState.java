package dev.longtail.core.curation;

import dev.longtail.core.dedup.FingerprintSet;
import dev.longtail.core.dedup.LshIndex;
import dev.longtail.core.dedup.LshParameters;
import dev.longtail.core.dedup.TieredVectorIndex;
import dev.longtail.core.dedup.VectorIndex;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * What the novelty stages remember of accepted samples, in primitive arrays: ids, 128-bit fingerprints, text
 * MinHash signatures in an LSH index banded for the current threshold, optional shingle sets for exact re-checks,
 * instruction word hashes with their own MinHash-LSH index, and embeddings in a tiered vector index. Entries are
 * positions 0, 1, 2, … in acceptance order. Not thread-safe.
 */
final class NoveltyState {

    private static final Map<String, LshParameters> BANDINGS = new ConcurrentHashMap<>();

    private final int permutations;
    private final int instructionPermutations;
    private final double instructionCandidateJaccard;
    private byte[] idBytes = new byte[256];
    private int[] idOffsets = new int[17];
    private int count;
    final FingerprintSet fingerprints = new FingerprintSet();
    private LshIndex text;
    private double textThreshold;
    private final boolean keepShingleSets;
    private char[] shingleValues = new char[256];
    private int[] shingleOffsets = new int[17];
    private final LshIndex instructions;
    private int[] instructionWords = new int[64];
    private int[] instructionOffsets = new int[17];
    private final int dimension;
    private final int annThreshold;
    private final IntFunction<VectorIndex> annFactory;
    private VectorIndex vectors;
    private int[] vectorOwners = new int[16];

    NoveltyState(CurationConfig hashing, int dimension, IntFunction<VectorIndex> annFactory) {
        this.permutations = hashing.permutations();
        this.instructionPermutations = hashing.instructionPermutations();
        // ROUGE-L F ≥ τ means an LCS of at least τ/2 of both lengths, so the instructions' word sets have
        // Jaccard ≥ τ/(2 − τ) (0.54 for 0.7); the LSH is tuned a little below that so repeated words cost no recall
        this.instructionCandidateJaccard = Math.max(0.05,
                hashing.instructionRougeLThreshold() / (2 - hashing.instructionRougeLThreshold()) - 0.05);
        this.keepShingleSets = hashing.exactJaccardRecheck();
        this.textThreshold = hashing.nearDuplicateThreshold();
        this.text = new LshIndex(permutations, banding(permutations, textThreshold));
        this.instructions = new LshIndex(instructionPermutations,
                banding(instructionPermutations, instructionCandidateJaccard));
        this.dimension = dimension;
        this.annThreshold = hashing.annThreshold();
        this.annFactory = annFactory;
    }

    /** The LSH banding for a signature length and threshold, computed once per pair. */
    static LshParameters banding(int permutations, double threshold) {
        return BANDINGS.computeIfAbsent(permutations + "@" + threshold, k -> LshParameters.forThreshold(permutations, threshold));
    }

    int size() {
        return count;
    }

    int embeddedCount() {
        return vectors == null ? 0 : vectors.size();
    }

    String id(int position) {
        return new String(idBytes, idOffsets[position], idOffsets[position + 1] - idOffsets[position],
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text index banded for a threshold (re-banded from the stored signatures when the threshold changed). */
    LshIndex text(double threshold) {
        if (threshold != textThreshold) {
            text = text.rebanded(banding(permutations, threshold));
            textThreshold = threshold;
        }
        return text;
    }

    char[] shingleSet(int position) {
        return keepShingleSets ? Arrays.copyOfRange(shingleValues, shingleOffsets[position], shingleOffsets[position + 1]) : null;
    }

    LshIndex instructions() {
        return instructions;
    }

    int[] instructionWords(int position) {
        return Arrays.copyOfRange(instructionWords, instructionOffsets[position], instructionOffsets[position + 1]);
    }

    /** The accepted sample most similar to the embedding, as (position in this state, cosine), or null. */
    VectorIndex.Neighbour nearestVector(float[] vector) {
        if (vectors == null) {
            return null;
        }
        VectorIndex.Neighbour n = vectors.nearest(vector);
        return n == null ? null : new VectorIndex.Neighbour(vectorOwners[n.position()], n.similarity());
    }

    /** Stores an accepted sample's features; the vector may be null (semantic stage off). Returns its position. */
    int add(String id, CurationPipeline.Features f, float[] vector) {
        int position = count++;
        byte[] utf8 = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int idStart = idOffsets[position];
        if (idStart + utf8.length > idBytes.length) {
            idBytes = Arrays.copyOf(idBytes, grownLength(idBytes.length, idStart + utf8.length));
        }
        System.arraycopy(utf8, 0, idBytes, idStart, utf8.length);
        idOffsets = withRoomAfter(idOffsets, position);
        idOffsets[position + 1] = idStart + utf8.length;
        fingerprints.add(f.fingerprint);
        text.add(f.reducedSignature, f.emptyText);
        if (keepShingleSets) {
            char[] set = f.shingleSet == null ? new char[0] : f.shingleSet;
            int from = shingleOffsets[position];
            if (from + set.length > shingleValues.length) {
                shingleValues = Arrays.copyOf(shingleValues, grownLength(shingleValues.length, from + set.length));
            }
            System.arraycopy(set, 0, shingleValues, from, set.length);
            shingleOffsets = withRoomAfter(shingleOffsets, position);
            shingleOffsets[position + 1] = from + set.length;
        }
        instructions.add(f.reducedInstruction, f.instructionWords.length == 0);
        int start = instructionOffsets[position];
        if (start + f.instructionWords.length > instructionWords.length) {
            instructionWords = Arrays.copyOf(instructionWords,
                    grownLength(instructionWords.length, start + f.instructionWords.length));
        }
        System.arraycopy(f.instructionWords, 0, instructionWords, start, f.instructionWords.length);
        instructionOffsets = withRoomAfter(instructionOffsets, position);
        instructionOffsets[position + 1] = start + f.instructionWords.length;
        if (vector != null) {
            if (vectors == null) {
                vectors = new TieredVectorIndex(dimension, annThreshold, annFactory);
            }
            int v = vectors.add(vector);
            if (v >= vectorOwners.length) {
                vectorOwners = Arrays.copyOf(vectorOwners, vectorOwners.length + (vectorOwners.length >> 2) + 1);
            }
            vectorOwners[v] = position;
        }
        return position;
    }

    /** The new length of a packed array that must hold {@code needed} entries: a quarter more, or just enough. */
    private static int grownLength(int length, int needed) {
        return Math.max(needed, length + (length >> 2));
    }

    /** The offsets, grown by a quarter when they have no slot for the end of the record at {@code position}. */
    private static int[] withRoomAfter(int[] offsets, int position) {
        return position + 2 > offsets.length ? Arrays.copyOf(offsets, offsets.length + (offsets.length >> 2) + 2) : offsets;
    }

    /** Bytes held, by part: a measured account of the novelty state. */
    Map<String, Long> memory() {
        long sets = keepShingleSets ? 2L * shingleValues.length + 4L * shingleOffsets.length : 0;
        return Map.of(
                "ids", (long) idBytes.length + 4L * idOffsets.length,
                "fingerprints", fingerprints.memoryBytes(),
                "text_minhash_lsh", text.memoryBytes(),
                "shingle_sets", sets,
                "instruction_minhash_lsh", instructions.memoryBytes(),
                "instruction_words", 4L * (instructionWords.length + instructionOffsets.length),
                "embeddings", vectors == null ? 0L : vectors.memoryBytes() + 4L * vectorOwners.length);
    }
}
