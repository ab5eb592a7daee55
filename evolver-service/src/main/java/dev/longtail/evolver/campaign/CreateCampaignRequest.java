package dev.longtail.evolver.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to start a campaign; the seed set defaults to the bundled demo set, the random seed to config, the
 * generator backend (a name from the generator's {@code GET /api/v1/backends}, carried in every plan) to the
 * generator's default, and each arm setting ({@link ArmRequest}, at the top level of the body) to config.
 */
public class CreateCampaignRequest extends ArmRequest {

    @NotBlank @Size(max = 200)
    public String name;

    @Size(min = 1, max = 64)
    public String seedSetId;

    @NotNull @Min(1) @Max(50)
    public Integer generations;

    @NotNull @Min(1) @Max(5000)
    public Integer samplesPerGeneration;

    public Long randomSeed;

    @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9._-]+")
    public String backend;
}
