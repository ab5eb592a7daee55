package dev.longtail.core.evolution;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.embedding.Vectors;

/**
 * No information gain by meaning: the cosine similarity of the parent's and the evolved instruction's sentence
 * embeddings is at least the threshold, i.e. the rewrite says the same thing in other words.
 */
public final class EmbeddingGainJudge implements InformationGainJudge {

    private final TextEmbedder embedder;
    private final double threshold;

    public EmbeddingGainJudge(TextEmbedder embedder, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.embedder = embedder;
        this.threshold = threshold;
    }

    @Override
    public boolean lacksGain(Seed parent, Rewrite rewrite) {
        return Vectors.cosine(embedder.embed(text(parent.instruction(), parent.input())),
                embedder.embed(text(rewrite.instruction(), rewrite.input()))) >= threshold;
    }

    @Override
    public String describe() {
        return "embedding cosine >= " + threshold;
    }

    private static String text(String instruction, String input) {
        return input == null || input.isBlank() ? instruction : instruction + "\n" + input;
    }
}
