package dev.longtail.core.dedup;

/**
 * Nearest-neighbour search over unit-length embeddings by cosine similarity: the semantic-duplicate stage asks
 * for the accepted sample most similar to a new one (SemDeDup, Abbas et al. 2023). Positions are 0, 1, 2, … in
 * insertion order. Implementations: {@link BruteForceVectorIndex} (exact) and an approximate HNSW index in
 * {@code libs/embeddings}.
 */
public interface VectorIndex {

    /** Stores a unit vector (a zero vector is stored and matches nothing) and returns its position. */
    int add(float[] vector);

    /** The stored vector most similar to the query, or null when the index is empty or the query is zero. */
    Neighbour nearest(float[] vector);

    /** Number of stored vectors. */
    int size();

    /** Bytes held for the stored vectors and any graph. */
    long memoryBytes();

    /** A stored position and its cosine similarity to the query. */
    record Neighbour(int position, double similarity) {
    }
}
