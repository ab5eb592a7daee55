package dev.longtail.evolver.campaign;

import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.longtail.evolver.EvolverConfig;

/**
 * A request to fork a campaign at generation g (0: from its reference alone) with other settings: every field but
 * {@code generation} is optional and defaults to the parent's (its name with " (fork at g)", its random seed, backend
 * and sample count, the generations it had left, and each arm setting, at the top level of the body as on creation).
 */
public class ForkCampaignRequest extends ArmRequest {

    @NotNull @Min(0) @Max(50)
    public Integer generation;

    @Size(min = 1, max = 200)
    public String name;

    @Min(1) @Max(50)
    public Integer generations;

    @Min(1) @Max(5000)
    public Integer samplesPerGeneration;

    public Long randomSeed;

    @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9._-]+")
    public String backend;

    /**
     * The fork's arm: each setting this request gives, else the parent's, else the configured default. The keep share
     * follows the parent's only while the anchor policy and candidate factor do (it may be the parent's 1/k).
     */
    ArmSettings armOver(ArmSettings parent, EvolverConfig.Plan defaults) {
        boolean sameShape = (anchorPolicy == null || Objects.equals(anchorPolicy, parent.anchorPolicy()))
                && (candidateFactor == null || Objects.equals(candidateFactor, parent.candidateFactor()));
        anchorPolicy = anchorPolicy != null ? anchorPolicy : parent.anchorPolicy();
        anchorRatio = anchorRatio != null ? anchorRatio : parent.anchorRatio();
        feedback = feedback != null ? feedback : parent.feedback();
        keepShare = keepShare != null ? keepShare : sameShape ? parent.keepShare() : null;
        carryOver = carryOver != null ? carryOver : parent.carryOver();
        candidateFactor = candidateFactor != null ? candidateFactor : parent.candidateFactor();
        tokenBudget = tokenBudget != null ? tokenBudget : parent.tokenBudget();
        temperature = temperature != null ? temperature : parent.temperature();
        topP = topP != null ? topP : parent.topP();
        return resolve(defaults);
    }
}
