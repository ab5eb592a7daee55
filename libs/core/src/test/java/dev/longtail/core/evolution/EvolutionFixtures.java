package dev.longtail.core.evolution;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The seed pool the evolution tests share, and an operator that counts the parents it is given. */
final class EvolutionFixtures {

    /** Four science seeds, two cooking, one history, one poetry: a common category and a tail. */
    static final List<Seed> POOL = List.of(
            seed("1", "science", "Explain how photosynthesis works in green plants."),
            seed("2", "science", "Describe the water cycle and the role of evaporation."),
            seed("3", "science", "Explain why volcanoes erupt and how magma forms."),
            seed("4", "science", "Describe how vaccines train the immune system."),
            seed("5", "cooking", "Write a recipe for a simple tomato soup."),
            seed("6", "cooking", "Explain how to knead bread dough by hand."),
            seed("7", "history", "Summarize the causes of the French Revolution."),
            seed("8", "poetry", "Write a short poem about autumn leaves."));

    private EvolutionFixtures() {
    }

    static Seed seed(String id, String category, String instruction) {
        return new Seed(id, category, instruction, "", "An answer.");
    }

    /** An in-depth operator that always succeeds with a numbered variant: how often each parent is drawn. */
    static EvolutionOperator numbering() {
        return new EvolutionOperator() {
            private int n;

            @Override
            public String name() {
                return "numbering";
            }

            @Override
            public OperatorKind kind() {
                return OperatorKind.IN_DEPTH;
            }

            @Override
            public Optional<Rewrite> evolve(Seed parent, EvolutionContext context, RandomGenerator rng) {
                return Optional.of(Rewrite.ofInstruction(parent.instruction() + " Variant " + (++n) + ".", parent));
            }
        };
    }
}
