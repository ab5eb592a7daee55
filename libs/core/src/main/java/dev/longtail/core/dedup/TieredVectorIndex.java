package dev.longtail.core.dedup;

import java.util.function.IntFunction;

/**
 * Exact search while the pool is small, approximate once it outgrows brute force: vectors go to a
 * {@link BruteForceVectorIndex} until there are {@code annThreshold} of them; then an ANN index from the factory
 * (HNSW in {@code libs/embeddings}) is built from them and takes every later vector. Positions stay the same.
 * Without a factory it stays exact.
 */
public final class TieredVectorIndex implements VectorIndex {

    private final int dimension;
    private final int annThreshold;
    private final IntFunction<VectorIndex> annFactory;
    private BruteForceVectorIndex exact;
    private VectorIndex ann;

    /** {@code annFactory} (may be null) makes an empty ANN index for a dimension. */
    public TieredVectorIndex(int dimension, int annThreshold, IntFunction<VectorIndex> annFactory) {
        this.dimension = dimension;
        this.annThreshold = annThreshold;
        this.annFactory = annFactory;
        this.exact = new BruteForceVectorIndex(dimension);
    }

    @Override
    public int add(float[] vector) {
        if (ann != null) {
            return ann.add(vector);
        }
        int position = exact.add(vector);
        if (annFactory != null && exact.size() >= annThreshold) {
            ann = annFactory.apply(dimension);
            for (int p = 0; p < exact.size(); p++) {
                ann.add(exact.vectors().get(p));
            }
            exact = null;
        }
        return position;
    }

    @Override
    public Neighbour nearest(float[] vector) {
        return ann != null ? ann.nearest(vector) : exact.nearest(vector);
    }

    @Override
    public int size() {
        return ann != null ? ann.size() : exact.size();
    }

    /** Whether the approximate index has taken over. */
    public boolean approximate() {
        return ann != null;
    }

    @Override
    public long memoryBytes() {
        return ann != null ? ann.memoryBytes() : exact.memoryBytes();
    }

}
