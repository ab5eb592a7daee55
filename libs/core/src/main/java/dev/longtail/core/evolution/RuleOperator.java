package dev.longtail.core.evolution;

import java.util.Optional;
import java.util.random.RandomGenerator;

/** An operator's embedded rule form: its name and kind, and a parent without an instruction is never evolved. */
abstract class RuleOperator implements EvolutionOperator {

    private final String name;
    private final OperatorKind kind;

    RuleOperator(String name, OperatorKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final OperatorKind kind() {
        return kind;
    }

    @Override
    public final Optional<Rewrite> evolve(Seed parent, EvolutionContext context, RandomGenerator rng) {
        String instruction = Rewriting.instructionOf(parent);
        return instruction.isEmpty() ? Optional.empty() : rewrite(parent, instruction, context, rng);
    }

    /** The rewrite of a parent whose instruction ({@code instruction}, stripped) is not empty. */
    abstract Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng);
}
