package dev.longtail.evolver.seedset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.longtail.core.evolution.Seed;

/**
 * A seed's id and text as a seed set and a campaign's pool store them (the same columns in both tables);
 * {@code output} is null for an evolved seed until the curator accepts its sample.
 */
@Embeddable
public record SeedText(
        @Column(name = "seed_id") String seedId,
        String category,
        String instruction,
        String input,
        String output) {

    /** A seed's text; a missing input is stored empty (the column is NOT NULL). */
    public static SeedText of(Seed seed) {
        return new SeedText(seed.id(), seed.category(), seed.instruction(), seed.input() == null ? "" : seed.input(),
                seed.output());
    }

    public SeedText withOutput(String acceptedOutput) {
        return new SeedText(seedId, category, instruction, input, acceptedOutput);
    }

    public Seed toSeed() {
        return new Seed(seedId, category, instruction, input, output);
    }
}
