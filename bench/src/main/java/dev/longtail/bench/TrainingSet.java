package dev.longtail.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one regime trains generation g on: the real lines it chose to include, the synthetic lines, and the
 * candidate tokens it sampled to get them.
 */
public record TrainingSet(List<List<String>> real, List<List<String>> synthetic, long candidateTokens) {

    /** Real lines followed by synthetic lines. */
    public List<List<String>> lines() {
        List<List<String>> all = new ArrayList<>(real.size() + synthetic.size());
        all.addAll(real);
        all.addAll(synthetic);
        return all;
    }

    /** Tokens in the whole set. */
    public long tokens() {
        return Corpus.tokens(real) + Corpus.tokens(synthetic);
    }
}
