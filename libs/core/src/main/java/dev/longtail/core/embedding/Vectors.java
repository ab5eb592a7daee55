package dev.longtail.core.embedding;

/** Vector arithmetic on embeddings: dot products, norms and cosine similarity. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product; for unit vectors it is their cosine similarity. */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** The cosine similarity of two non-zero vectors. */
    public static double cosine(float[] a, float[] b) {
        double norms = norm(a) * norm(b);
        if (norms == 0) {
            throw new IllegalArgumentException("cosine of a zero vector is undefined");
        }
        return dot(a, b) / norms;
    }

    /** The Euclidean norm. */
    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** A copy scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] a) {
        double norm = norm(a);
        float[] out = new float[a.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (a[i] / norm);
        }
        return out;
    }
}
