package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Tail-targeted mutation (Longtail's own operator): puts a rare word or n-gram that the data is losing into the
 * parent. The donors are the context's donor words (the gap analysis: rare reference words the last version lacks,
 * rarest first, drawn with weight 1/rank); without them, the words that only one seed of the pool uses, those of the
 * parent's category first. One of the parent's noun-phrase heads (common ones first, as {@link TopicShiftOperator}
 * does) is replaced by the donor; a parent without one gets the donor in an added requirement.
 */
public final class TailMutationOperator extends RuleOperator {

    public static final String NAME = "tail-mutation";

    private final TopicShiftOperator frequencies = new TopicShiftOperator();

    public TailMutationOperator() {
        super(NAME, OperatorKind.IN_BREADTH);
    }

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        Map<String, Integer> df = frequencies.documentFrequency(context.pool());
        List<String> donors = donors(parent, context, df);
        if (donors.isEmpty()) {
            return Optional.empty();
        }
        List<String> ranked = donors;
        String donor = Rewriting.pick(ranked, w -> 1.0 / (ranked.indexOf(w) + 1), rng);
        List<String> slots = ContentWords.slots(instruction);
        String evolved = slots.isEmpty()
                ? Rewriting.closed(instruction) + " Make " + donor + " central to the answer."
                : Rewriting.replaceWord(instruction, TopicShiftOperator.replacedWord(slots, slots, df, rng), donor);
        return evolved.equals(instruction) ? Optional.empty() : Optional.of(Rewrite.ofInstruction(evolved, parent));
    }

    /** The donor words for a parent, rarest first: the context's that it lacks, else the pool's rare words. */
    static List<String> donors(Seed parent, EvolutionContext context, Map<String, Integer> df) {
        String instruction = Rewriting.instructionOf(parent);
        List<String> parentContent = ContentWords.of(instruction);
        List<String> donors = new ArrayList<>();
        for (String word : context.donorWords()) {
            if (!parentContent.contains(word) && !instruction.toLowerCase(Locale.ROOT).contains(word)) {
                donors.add(word);
            }
        }
        return donors.isEmpty() ? poolRareWords(parent, context.pool(), parentContent, df) : donors;
    }

    /** The document frequencies of a pool (cached per pool). */
    Map<String, Integer> documentFrequency(List<Seed> pool) {
        return frequencies.documentFrequency(pool);
    }

    /** Words of exactly one pool seed that the parent lacks: its own category's first, then the others'. */
    private static List<String> poolRareWords(Seed parent, List<Seed> pool, List<String> parentContent,
            Map<String, Integer> df) {
        List<String> own = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Seed seed : pool) {
            if (Objects.equals(seed.id(), parent.id())) {
                continue;
            }
            for (String word : ContentWords.slots(seed.instruction())) {
                List<String> target = Objects.equals(seed.category(), parent.category()) ? own : other;
                if (df.getOrDefault(word, 0) == 1 && !parentContent.contains(word) && !target.contains(word)) {
                    target.add(word);
                }
            }
        }
        own.addAll(other);
        return own;
    }
}
