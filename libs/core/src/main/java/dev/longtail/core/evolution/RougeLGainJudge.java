package dev.longtail.core.evolution;

import dev.longtail.core.dedup.RougeL;
import dev.longtail.core.text.Tokenizer;
import java.util.HashSet;
import java.util.Set;

/**
 * No information gain by ROUGE-L (Lin 2004): the evolved instruction and input, as words, overlap the parent's in a
 * longest common subsequence whose F-measure is at least the threshold, and bring no new word other than stop words
 * and fillers ("please"). Surface overlap alone cannot tell a filler ("Please explain ...") from a new topic (one
 * noun swapped in a twenty-word instruction, F 0.95); a new word or number is information, so only rewrites without
 * one are judged by their overlap. Self-Instruct (Wang et al. 2022) treats ROUGE-L 0.7 as "the same instruction" across a
 * pool; against its own parent an evolution shares more, hence {@link #DEFAULT_THRESHOLD}.
 */
public final class RougeLGainJudge implements InformationGainJudge {

    /** ROUGE-L F at or above which an evolution adds nothing to its parent. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /** Words that make a request politer, not different. */
    private static final Set<String> FILLERS = Set.of("please", "kindly", "now", "really", "actually", "simply");

    private final double threshold;

    public RougeLGainJudge(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public boolean lacksGain(Seed parent, Rewrite rewrite) {
        String parentText = text(parent.instruction(), parent.input());
        String evolvedText = text(rewrite.instruction(), rewrite.input());
        Set<String> parentTokens = new HashSet<>(Tokenizer.tokenize(parentText));
        for (String token : Tokenizer.tokenize(evolvedText)) {
            boolean informative = Tokenizer.isWord(token) && !ContentWords.isStopWord(token) && !FILLERS.contains(token);
            if (informative && !parentTokens.contains(token)) {
                return false;
            }
        }
        return RougeL.fMeasure(words(evolvedText), words(parentText)) >= threshold;
    }

    @Override
    public String describe() {
        return "rouge-l >= " + threshold + " without a new word";
    }

    /** ROUGE-L F-measure between two texts' lower-cased words. */
    public static double similarity(String a, String b) {
        return RougeL.fMeasure(words(a), words(b));
    }

    private static String text(String instruction, String input) {
        return (instruction == null ? "" : instruction) + " " + (input == null ? "" : input);
    }

    private static int[] words(String text) {
        return Tokenizer.tokenize(text).stream().filter(Tokenizer::isWord).mapToInt(String::hashCode).toArray();
    }
}
