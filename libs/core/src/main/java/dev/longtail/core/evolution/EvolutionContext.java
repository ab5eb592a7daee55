package dev.longtail.core.evolution;

import java.util.List;

/**
 * What an operator may draw on besides its parent: the generation's pool (donor and co-parent seeds) and the donor
 * words the gap analysis found (rare reference words and n-grams the last version lacks, rarest first).
 */
public record EvolutionContext(List<Seed> pool, List<String> donorWords) {

    /** Copies the lists so a context cannot change while a generation evolves. */
    public EvolutionContext {
        pool = List.copyOf(pool);
        donorWords = donorWords == null ? List.of() : List.copyOf(donorWords);
    }

    /** A context with the pool only: no gap analysis. */
    public static EvolutionContext of(List<Seed> pool) {
        return new EvolutionContext(pool, List.of());
    }
}
