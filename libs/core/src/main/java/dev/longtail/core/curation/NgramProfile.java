package dev.longtail.core.curation;

import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.text.Tokenizer;
import java.util.List;

/**
 * A text's word unigram and bigram profile as a unit vector of hashed features (Weinberger et al. 2009, the
 * hashing trick), log-scaled counts: the embedding-free representation the tail-keeping selection clusters when no
 * sentence embedder is at hand.
 */
public final class NgramProfile {

    /** Default number of hashed dimensions. */
    public static final int DIMENSION = 512;

    private NgramProfile() {
    }

    /** The unit profile vector of a text in {@code dimension} hashed dimensions (zero for a text without words). */
    public static float[] of(String text, int dimension) {
        List<String> words = QualityRules.words(Tokenizer.tokenize(text));
        float[] v = new float[dimension];
        long previous = 0;
        for (int i = 0; i < words.size(); i++) {
            long h = ShingleMinHasher.tokenHash(words.get(i));
            add(v, h);
            if (i > 0) {
                add(v, ShingleMinHasher.fmix64(previous * 31 + h));
            }
            previous = h;
        }
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = v[i] == 0 ? 0 : (float) (Math.signum(v[i]) * Math.log1p(Math.abs(v[i])));
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < dimension; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    private static void add(float[] v, long h) {
        int index = (int) Math.floorMod(h, (long) v.length);
        v[index] += (h >>> 63) == 0 ? 1 : -1;
    }
}
