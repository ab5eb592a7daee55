package dev.longtail.evolver.experiment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request to run an experiment: every arm over every random seed on one seed set (the bundled demo set when none is
 * named), each campaign with the same generations and samples per generation. The first arm is the control.
 */
public record CreateExperimentRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(min = 1, max = 64) String seedSetId,
        @NotNull @Min(1) @Max(50) Integer generations,
        @NotNull @Min(1) @Max(5000) Integer samplesPerGeneration,
        @NotEmpty @Size(max = MAX_RANDOM_SEEDS) List<@NotNull Long> randomSeeds,
        @NotEmpty @Size(max = MAX_ARMS) List<@NotNull @Valid ExperimentArmRequest> arms) {

    /** Most random seeds an experiment runs each arm with. */
    public static final int MAX_RANDOM_SEEDS = 5;

    /** Most arms an experiment compares. */
    public static final int MAX_ARMS = 6;
}
