package dev.longtail.evolver.evolve;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request to evolve seeds once, with no campaign: the seeds (ids and categories optional), how many evolved seeds
 * to return, the share of in-breadth evolutions and the random seed (both default to the evolver's configuration).
 */
public class EvolveRequest {

    @NotEmpty @Size(max = 5000)
    public List<@NotNull @Valid SeedInput> seeds;

    @NotNull @Min(1) @Max(5000)
    public Integer count;

    @DecimalMin("0") @DecimalMax("1")
    public Double inBreadthShare;

    public Long randomSeed;

    /** One seed to evolve from. */
    public static class SeedInput {

        @Size(min = 1, max = 200)
        public String id;

        @Size(min = 1, max = 100)
        public String category;

        @NotBlank @Size(max = 20000)
        public String instruction;

        @Size(max = 20000)
        public String input;

        @Size(max = 20000)
        public String output;
    }
}
