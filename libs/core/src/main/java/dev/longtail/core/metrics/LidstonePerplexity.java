package dev.longtail.core.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Held-out perplexity of an additively smoothed n-gram model with NLTK's conventions ({@code nltk.lm.Lidstone},
 * {@code Laplace} for γ = 1): the cross-check of the perplexity computation against an independent
 * implementation. The loop's own metric uses modified Kneser-Ney ({@link HeldOutPerplexity}), which NLTK
 * does not implement.
 *
 * <p>Conventions, as {@code padded_everygram_pipeline} and {@code pad_both_ends}: each text is padded with
 * n−1 {@code <s>} and n−1 {@code </s>}; the vocabulary is every padded training token plus {@code <UNK>};
 * held-out tokens outside it count as {@code <UNK>}; p(w | h) = (c(h w) + γ) / (c(h •) + γ|V|);
 * perplexity = 2^(−mean log₂ p) over every n-gram of the padded held-out texts.
 */
public final class LidstonePerplexity {

    static final String BOS = "<s>";
    static final String EOS = "</s>";
    static final String UNK = "<UNK>";

    private LidstonePerplexity() {
    }

    /** The perplexity on {@code heldOut} of the order-n model trained on {@code training}. */
    public static double of(List<List<String>> training, List<List<String>> heldOut, int order, double gamma) {
        if (order < 1 || !(gamma > 0)) {
            throw new IllegalArgumentException("need order >= 1 and gamma > 0, were " + order + ", " + gamma);
        }
        Set<String> vocabulary = new HashSet<>();
        Map<List<String>, Integer> ngramCounts = new HashMap<>();
        Map<List<String>, Integer> contextCounts = new HashMap<>();
        for (List<String> text : training) {
            List<String> padded = pad(text, order);
            vocabulary.addAll(padded);
            for (int i = 0; i + order <= padded.size(); i++) {
                List<String> gram = padded.subList(i, i + order);
                ngramCounts.merge(List.copyOf(gram), 1, Integer::sum);
                contextCounts.merge(List.copyOf(gram.subList(0, order - 1)), 1, Integer::sum);
            }
        }
        vocabulary.add(UNK);
        double v = vocabulary.size();
        double log2Sum = 0;
        long n = 0;
        for (List<String> text : heldOut) {
            List<String> padded = new ArrayList<>();
            for (String token : pad(text, order)) {
                padded.add(vocabulary.contains(token) ? token : UNK);
            }
            for (int i = 0; i + order <= padded.size(); i++) {
                List<String> gram = padded.subList(i, i + order);
                double p = (ngramCounts.getOrDefault(gram, 0) + gamma)
                        / (contextCounts.getOrDefault(gram.subList(0, order - 1), 0) + gamma * v);
                log2Sum += Math.log(p) / Math.log(2);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.pow(2, -log2Sum / n);
    }

    private static List<String> pad(List<String> text, int order) {
        List<String> padded = new ArrayList<>(text.size() + 2 * (order - 1));
        for (int i = 0; i < order - 1; i++) {
            padded.add(BOS);
        }
        padded.addAll(text);
        for (int i = 0; i < order - 1; i++) {
            padded.add(EOS);
        }
        return padded;
    }
}
