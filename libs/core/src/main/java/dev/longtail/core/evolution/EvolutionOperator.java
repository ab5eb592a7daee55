package dev.longtail.core.evolution;

import java.util.Optional;
import java.util.random.RandomGenerator;

/** One way of rewriting a seed's instruction into a new one (an Evol-Instruct evolution, Xu et al. 2023). */
public interface EvolutionOperator {

    /** Stable name recorded in the lineage, e.g. {@code "add-constraints"}. */
    String name();

    /** In-depth or in-breadth. */
    OperatorKind kind();

    /**
     * The rewrite, or empty when this operator cannot evolve the parent (for example no donor seed exists). Must
     * draw all randomness from {@code rng}, so that evolution is reproducible.
     */
    Optional<Rewrite> evolve(Seed parent, EvolutionContext context, RandomGenerator rng);
}
