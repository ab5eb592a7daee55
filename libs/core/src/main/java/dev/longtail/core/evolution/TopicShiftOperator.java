package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * In-breadth evolution by rule (Evol-Instruct, Xu et al. 2023: "create a new, rarer prompt in the same
 * domain"): keeps the parent's instruction frame and swaps one of its noun-phrase heads (two when it has
 * four or more; see {@code ContentWords.slots}) for noun-phrase heads of other seeds of the same category
 * that the parent lacks.
 *
 * <p>Donor words are drawn with weight 1/df², df being the number of pool instructions that contain the
 * word, so rare words come first and the tail widens; the parent word to replace is drawn with weight
 * df·position², so common words and the later phrase heads (where the topic usually sits: "write a haiku
 * about the winter sea") go first, and the form of the request ("a haiku") mostly stays. Returns empty when the category has no donor
 * seed with a usable word.
 */
public final class TopicShiftOperator extends RuleOperator {

    public static final String NAME = "topic-shift";

    /** Document frequencies of the last pool seen: evolution calls the operator many times per pool. */
    private volatile PoolStats lastPool;

    private record PoolStats(List<Seed> pool, Map<String, Integer> documentFrequency) {
    }

    public TopicShiftOperator() {
        super(NAME, OperatorKind.IN_BREADTH);
    }

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        List<Seed> pool = context.pool();
        List<String> parentWords = ContentWords.slots(instruction);
        List<String> parentContent = ContentWords.of(instruction);
        if (parentWords.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> df = documentFrequency(pool);
        List<String> donorWords = new ArrayList<>();
        for (Seed donor : pool) {
            if (donor == parent || java.util.Objects.equals(donor.id(), parent.id())
                    || !java.util.Objects.equals(donor.category(), parent.category())) {
                continue;
            }
            for (String word : ContentWords.slots(donor.instruction())) {
                if (!parentContent.contains(word) && !donorWords.contains(word)) {
                    donorWords.add(word);
                }
            }
        }
        if (donorWords.isEmpty()) {
            return Optional.empty();
        }
        int swaps = parentWords.size() >= 4 ? 2 : 1;
        String evolved = instruction;
        List<String> replaceable = new ArrayList<>(parentWords);
        for (int s = 0; s < swaps && !replaceable.isEmpty() && !donorWords.isEmpty(); s++) {
            String out = replacedWord(replaceable, parentWords, df, rng);
            String in = Rewriting.pick(donorWords, w -> 1.0 / Math.pow(df.getOrDefault(w, 1), 2), rng);
            replaceable.remove(out);
            donorWords.remove(in);
            evolved = Rewriting.replaceWord(evolved, out, in);
        }
        return evolved.equals(instruction) ? Optional.empty() : Optional.of(Rewrite.ofInstruction(evolved, parent));
    }

    /** The parent word to replace: common words and later phrase heads first (weight df·position²). */
    static String replacedWord(List<String> replaceable, List<String> parentWords, Map<String, Integer> df,
            RandomGenerator rng) {
        return Rewriting.pick(replaceable, w -> df.getOrDefault(w, 1) * Math.pow(parentWords.indexOf(w) + 1, 2), rng);
    }

    /** Document frequencies of the pool, computed once per pool (evolution calls the operator many times). */
    Map<String, Integer> documentFrequency(List<Seed> pool) {
        PoolStats stats = lastPool;
        if (stats == null || stats.pool() != pool) {
            stats = new PoolStats(pool, ContentWords.documentFrequency(pool));
            lastPool = stats;
        }
        return stats.documentFrequency();
    }
}
