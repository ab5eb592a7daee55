package dev.longtail.core.evolution;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Crossover of two seeds (Longtail's own operator; Evol-Instruct evolves one seed at a time): joins the parent's
 * task with the topic of a co-parent, another seed of the same category (of any category when the parent's has no
 * other seed), so that the evolved instruction combines two lineages. A co-parent that starts with a framing verb
 * ("Describe the water cycle") gives its topic as a clause; a question is appended whole.
 */
public final class CrossoverOperator extends RuleOperator {

    public static final String NAME = "crossover";

    private static final List<String> CONNECTORS = List.of(
            ", and relate it to %s.", ", and contrast it with %s.", ", drawing a parallel with %s.");

    public CrossoverOperator() {
        super(NAME, OperatorKind.IN_BREADTH);
    }

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        Optional<Seed> chosen = coParent(parent, context.pool(), rng);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String coParent = Rewriting.instructionOf(chosen.get());
        List<String> tokens = Tokenizer.tokenize(coParent);
        String evolved;
        if (!tokens.isEmpty() && ContentWords.isFrameWord(tokens.get(0)) && coParent.indexOf(' ') > 0) {
            String topic = Rewriting.open(coParent.substring(coParent.indexOf(' ') + 1).strip());
            evolved = Rewriting.open(instruction)
                    + String.format(CONNECTORS.get(rng.nextInt(CONNECTORS.size())), Rewriting.continuing(topic));
        } else {
            evolved = Rewriting.closed(instruction) + " Then relate your answer to this question: "
                    + Rewriting.closed(coParent);
        }
        return Optional.of(Rewrite.ofInstruction(evolved, parent));
    }

    /** A co-parent drawn uniformly from the parent's category, or from the pool when the category has none. */
    static Optional<Seed> coParent(Seed parent, List<Seed> pool, RandomGenerator rng) {
        String instruction = Rewriting.instructionOf(parent);
        List<Seed> sameCategory = new ArrayList<>();
        List<Seed> anyCategory = new ArrayList<>();
        for (Seed seed : pool) {
            String other = Rewriting.instructionOf(seed);
            if (Objects.equals(seed.id(), parent.id()) || other.isEmpty() || other.equalsIgnoreCase(instruction)) {
                continue;
            }
            (Objects.equals(seed.category(), parent.category()) ? sameCategory : anyCategory).add(seed);
        }
        List<Seed> candidates = sameCategory.isEmpty() ? anyCategory : sameCategory;
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(rng.nextInt(candidates.size())));
    }
}
