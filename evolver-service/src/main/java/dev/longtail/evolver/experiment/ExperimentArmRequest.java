package dev.longtail.evolver.experiment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.longtail.evolver.campaign.ArmRequest;

/** One arm of an experiment request: a name and the arm settings of a campaign ({@link ArmRequest}). */
public class ExperimentArmRequest extends ArmRequest {

    @NotNull
    @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 characters of a-z, 0-9 and -")
    public String name;
}
