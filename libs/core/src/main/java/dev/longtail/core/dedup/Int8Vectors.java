package dev.longtail.core.dedup;

import java.util.Arrays;

/**
 * Unit vectors stored as signed bytes (scalar quantisation, x ↦ round(127·x)) in one flat array with the norm
 * of each quantised vector: a quarter of the memory of floats. For 384-dimensional sentence embeddings the
 * cosine error is about 0.002, far below the margins of a duplicate threshold.
 */
public final class Int8Vectors {

    private final int dimension;
    private byte[] values;
    private float[] norms;
    private int size;

    public Int8Vectors(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
        this.dimension = dimension;
        this.values = new byte[dimension * 16];
        this.norms = new float[16];
    }

    /** Quantises a vector to bytes. */
    public static byte[] quantise(float[] vector) {
        byte[] q = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(vector[i] * 127f)));
        }
        return q;
    }

    /** Euclidean norm of a quantised vector. */
    public static float norm(byte[] q) {
        long sum = 0;
        for (byte v : q) {
            sum += v * v;
        }
        return (float) Math.sqrt(sum);
    }

    /** Appends a vector and returns its position. */
    public int add(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("dimension " + vector.length + " != " + dimension);
        }
        if ((size + 1) * dimension > values.length) {
            int capacity = Math.max(size + 1, size + (size >> 1) + 16);
            values = Arrays.copyOf(values, capacity * dimension);
            norms = Arrays.copyOf(norms, capacity);
        }
        byte[] q = quantise(vector);
        System.arraycopy(q, 0, values, size * dimension, dimension);
        norms[size] = norm(q);
        return size++;
    }

    /** Cosine similarity of a quantised query (with its norm) and the stored vector at a position (0 for zero vectors). */
    public double cosine(byte[] query, float queryNorm, int position) {
        float n = norms[position];
        if (n == 0 || queryNorm == 0) {
            return 0.0;
        }
        int offset = position * dimension;
        int dot = 0;
        for (int i = 0; i < dimension; i++) {
            dot += query[i] * values[offset + i];
        }
        return dot / (queryNorm * n);
    }

    /** The stored vector at a position, scaled back to unit length (zero stays zero). */
    public float[] get(int position) {
        float[] v = new float[dimension];
        float n = norms[position];
        if (n == 0) {
            return v;
        }
        int offset = position * dimension;
        for (int i = 0; i < dimension; i++) {
            v[i] = values[offset + i] / n;
        }
        return v;
    }

    /** Cosine similarity of two stored vectors. */
    public double cosine(int x, int y) {
        byte[] q = Arrays.copyOfRange(values, x * dimension, (x + 1) * dimension);
        return cosine(q, norms[x], y);
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Bytes of the arrays held. */
    public long memoryBytes() {
        return values.length + 4L * norms.length + 32;
    }
}
