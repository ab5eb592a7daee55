package dev.longtail.core.dedup;

/**
 * Exact nearest-neighbour search by scanning every stored int8 vector: the right choice while the pool is small
 * (a scan of 20,000 384-dimensional vectors costs about as much as embedding one sentence).
 */
public final class BruteForceVectorIndex implements VectorIndex {

    private final Int8Vectors vectors;

    public BruteForceVectorIndex(int dimension) {
        this.vectors = new Int8Vectors(dimension);
    }

    @Override
    public int add(float[] vector) {
        return vectors.add(vector);
    }

    @Override
    public Neighbour nearest(float[] vector) {
        if (vectors.size() == 0) {
            return null;
        }
        byte[] q = Int8Vectors.quantise(vector);
        float norm = Int8Vectors.norm(q);
        if (norm == 0) {
            return null;
        }
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < vectors.size(); p++) {
            double s = vectors.cosine(q, norm, p);
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = p;
            }
        }
        return new Neighbour(best, bestSimilarity);
    }

    /** The stored vectors. */
    public Int8Vectors vectors() {
        return vectors;
    }

    @Override
    public int size() {
        return vectors.size();
    }

    @Override
    public long memoryBytes() {
        return vectors.memoryBytes();
    }
}
