package dev.longtail.evolver.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import dev.longtail.evolver.EvolverConfig;

/**
 * The arm settings a request may give (a campaign's, at the top level of its body; an experiment arm's), each
 * optional and validated with the contract's range; {@link #resolve} fills in the absent ones. A base class rather
 * than a nested object so that the fields sit at the top level of the campaign's body and a violation names them.
 */
public abstract class ArmRequest {

    @Pattern(regexp = ArmSettings.ANCHOR_POLICIES,
            message = "must be one of replace, ratio, accumulate, accumulate-subsample, tail-preserving")
    public String anchorPolicy;

    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
    public Double anchorRatio;

    public Boolean feedback;

    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
    public Double keepShare;

    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
    public Double carryOver;

    @Min(1) @Max(20)
    public Integer candidateFactor;

    /** At most what a generation could spend: 5000 samples of 8192 tokens; more is a mistake, not a budget. */
    @Min(1) @Max(5000 * 8192)
    public Integer tokenBudget;

    @DecimalMin(value = "0", inclusive = false) @DecimalMax("2")
    public Double temperature;

    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
    public Double topP;

    /** Every setting, the absent ones from the configured defaults (see {@link ArmSettings#defaultKeepShare}). */
    public ArmSettings resolve(EvolverConfig.Plan defaults) {
        String policy = anchorPolicy == null ? defaults.anchorPolicy() : anchorPolicy;
        int factor = candidateFactor == null ? defaults.candidateFactor() : candidateFactor;
        return new ArmSettings(policy,
                anchorRatio == null ? defaults.anchorRatio() : anchorRatio,
                feedback == null ? defaults.feedback() : feedback,
                keepShare == null ? ArmSettings.defaultKeepShare(policy, factor, defaults.keepShare()) : keepShare,
                carryOver == null ? defaults.carryOver() : carryOver,
                factor,
                tokenBudget == null ? (defaults.tokenBudget().isPresent() ? defaults.tokenBudget().getAsInt() : null)
                        : tokenBudget,
                temperature == null ? defaults.temperature() : temperature,
                topP == null ? defaults.topP() : topP);
    }
}
