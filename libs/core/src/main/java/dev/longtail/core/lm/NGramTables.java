package dev.longtail.core.lm;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The immutable tables of a trained Kneser-Ney model: the word ids, each order's successor statistics keyed by
 * context, and the interpolated unigram level p_1 with its prefix sums.
 */
final class NGramTables {

    /** Id of {@link KneserNeyModel#UNK}. */
    static final int UNK_ID = 0;
    /** Id of {@link KneserNeyModel#EOS}. */
    static final int EOS_ID = 1;
    /** Id of {@link KneserNeyModel#BOS}. */
    static final int BOS_ID = 2;

    final int order;
    final String[] words;                   // id -> word
    final long tokenCount;
    final double[] unigram;                 // p_1(w) for every id (0 for <s>)
    final double[] unigramCumulative;       // unigramCumulative[w + 1] = Σ_{v<=w} unigram[v]
    private final Map<String, Integer> ids;
    private final ContextKeys keys;
    private final List<Map<Object, ContextStats>> levels; // index n−1 holds order n, keyed by context

    NGramTables(int order, String[] words, Map<String, Integer> ids, long tokenCount,
                List<Map<Object, ContextStats>> levels, ContextKeys keys, double[] unigram) {
        this.order = order;
        this.words = words;
        this.ids = ids;
        this.tokenCount = tokenCount;
        this.levels = levels;
        this.keys = keys;
        this.unigram = unigram;
        this.unigramCumulative = SortedArrays.prefixSums(unigram);
    }

    /** The word's id, {@link #UNK_ID} when the model does not know it. */
    int idOf(String word) {
        Integer id = ids.get(word);
        return id == null ? UNK_ID : id;
    }

    /** The last order−1 tokens of a context as ids, padded with {@code <s>} on the left. */
    int[] history(List<String> context) {
        int[] history = new int[order - 1];
        Arrays.fill(history, BOS_ID);
        int take = Math.min(order - 1, context == null ? 0 : context.size());
        for (int i = 0; i < take; i++) {
            String token = context.get(context.size() - take + i);
            history[order - 1 - take + i] = KneserNeyModel.BOS.equals(token) ? BOS_ID : idOf(token);
        }
        return history;
    }

    /** Moves a history one token on: drops its first id and appends w. */
    static void shift(int[] history, int w) {
        if (history.length == 0) {
            return;
        }
        System.arraycopy(history, 1, history, 0, history.length - 1);
        history[history.length - 1] = w;
    }

    /** The map key of the history's last {@code length} ids. */
    Object contextKey(int[] history, int length) {
        return keys.key(history, history.length - length, length);
    }

    /** Successors of the history's last {@code length} ids (order length+1), or null when never seen. */
    ContextStats successors(int[] history, int length) {
        return levels.get(length).get(contextKey(history, length));
    }
}
