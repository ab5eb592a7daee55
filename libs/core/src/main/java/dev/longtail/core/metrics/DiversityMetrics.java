package dev.longtail.core.metrics;

import dev.longtail.core.text.NGrams;
import dev.longtail.core.text.Tokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corpus-level diversity of tokenised documents: the first quantities to fall when a model is retrained
 * on its own output (Shumailov et al., "AI models collapse when trained on recursively generated data",
 * Nature 2024).
 */
public final class DiversityMetrics {

    private DiversityMetrics() {
    }

    /**
     * distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation
     * Models"): the number of distinct n-grams divided by the total number of n-grams, counted within
     * each document (n-grams do not cross document boundaries) and pooled over the corpus; 0 when the
     * corpus has no n-gram.
     */
    public static double distinctN(List<List<String>> docs, int n) {
        Set<String> distinct = new HashSet<>();
        long total = 0;
        for (List<String> doc : docs) {
            List<String> grams = NGrams.of(doc, n);
            total += grams.size();
            distinct.addAll(grams);
        }
        return total == 0 ? 0.0 : (double) distinct.size() / total;
    }

    /**
     * Shannon entropy of the unigram distribution, in bits: H = −Σ_w p(w) log₂ p(w) with p(w) = c(w)/N
     * over all tokens of all documents; 0 for an empty corpus. A uniform distribution over k types has
     * log₂ k bits.
     */
    public static double unigramEntropy(List<List<String>> docs) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> doc : docs) {
            for (String token : doc) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return NGramStatistics.entropyBits(counts);
    }

    /** Mean number of word tokens per document (punctuation excluded); 0 for an empty corpus. */
    public static double meanWords(List<List<String>> docs) {
        if (docs.isEmpty()) {
            return 0.0;
        }
        long words = 0;
        for (List<String> doc : docs) {
            for (String token : doc) {
                if (Tokenizer.isWord(token)) {
                    words++;
                }
            }
        }
        return (double) words / docs.size();
    }
}
