package dev.longtail.core.lm;

import static dev.longtail.core.lm.NGramTables.BOS_ID;
import static dev.longtail.core.lm.NGramTables.EOS_ID;
import static dev.longtail.core.lm.NGramTables.UNK_ID;

import java.util.Arrays;
import java.util.List;

/** Scores text under a trained model's tables: interpolated probabilities, log-probabilities and perplexity. */
final class KneserNeyScorer {

    private final NGramTables tables;

    KneserNeyScorer(NGramTables tables) {
        this.tables = tables;
    }

    /** p(word | context): the last order−1 tokens of the context count, padded with {@code <s>}. */
    double probability(List<String> context, String word) {
        int w = tables.idOf(word);
        if (w == BOS_ID) {
            return 0.0;
        }
        return probability(tables.history(context), w);
    }

    /** Natural log of {@link #probability(List, String)}. */
    double logProbability(List<String> context, String word) {
        return Math.log(probability(context, word));
    }

    /**
     * Perplexity exp(−(Σ ln p)/N) over every token of the sequences and one {@code </s>} per sequence,
     * each sequence starting from the {@code <s>} padding; NaN when there is nothing to score.
     */
    double perplexity(List<List<String>> sequences) {
        double logSum = 0;
        long n = 0;
        int[] history = new int[tables.order - 1];
        for (List<String> sequence : sequences) {
            Arrays.fill(history, BOS_ID);
            for (int i = 0; i <= sequence.size(); i++) {
                int w = i < sequence.size() ? tables.idOf(sequence.get(i)) : EOS_ID;
                if (w == BOS_ID) {
                    w = UNK_ID; // a literal "<s>" inside text is just an unknown word
                }
                logSum += Math.log(probability(history, w));
                n++;
                NGramTables.shift(history, w);
            }
        }
        return n == 0 ? Double.NaN : Math.exp(-logSum / n);
    }

    /** Interpolates from the unigram level up; an unseen context leaves the lower-order value as it is. */
    private double probability(int[] history, int w) {
        double p = tables.unigram[w];
        for (int n = 2; n <= tables.order; n++) {
            ContextStats stats = tables.successors(history, n - 1);
            if (stats == null) {
                break; // a longer context containing an unseen one is unseen too
            }
            p = stats.discounted(w) + stats.gamma * p;
        }
        return p;
    }
}
