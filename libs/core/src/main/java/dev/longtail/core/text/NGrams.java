package dev.longtail.core.text;

import java.util.ArrayList;
import java.util.List;

/** Contiguous n-grams of a token list, each joined by a single space: the unit of the diversity metrics. */
public final class NGrams {

    private NGrams() {
    }

    /** All contiguous n-grams in order; empty when there are fewer than {@code n} tokens. */
    public static List<String> of(List<String> tokens, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        List<String> grams = new ArrayList<>(Math.max(0, tokens.size() - n + 1));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + n <= tokens.size(); i++) {
            sb.setLength(0);
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(tokens.get(i + j));
            }
            grams.add(sb.toString());
        }
        return grams;
    }
}
