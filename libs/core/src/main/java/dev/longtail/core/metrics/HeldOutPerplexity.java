package dev.longtail.core.metrics;

import dev.longtail.core.lm.KneserNeyModel;
import java.util.List;

/**
 * Perplexity on held-out real text of an n-gram model trained on a corpus: how well the corpus still
 * describes real data. It rises as a generation drifts from the real distribution (Shumailov et al.,
 * Nature 2024 measure collapse the same way).
 */
public final class HeldOutPerplexity {

    private HeldOutPerplexity() {
    }

    /** Trains an interpolated modified Kneser-Ney model of the given order and returns its held-out perplexity. */
    public static double of(List<List<String>> trainingSequences, List<List<String>> heldOutSequences, int order) {
        return KneserNeyModel.train(trainingSequences, order).perplexity(heldOutSequences);
    }

    /**
     * As {@link #of(List, List, int)} with a fixed vocabulary (tokens outside it count as {@code <unk>}).
     * Use it to compare generations: with an open vocabulary a collapsed corpus has fewer types, so the
     * uniform floor gives {@code <unk>} more mass and unseen held-out words look cheaper than they are.
     */
    public static double of(List<List<String>> trainingSequences, List<List<String>> heldOutSequences, int order,
                            java.util.Set<String> vocabulary) {
        return KneserNeyModel.train(trainingSequences, order, vocabulary).perplexity(heldOutSequences);
    }
}
