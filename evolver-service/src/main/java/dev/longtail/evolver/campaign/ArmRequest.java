package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.longtail.core.evolution.OperatorCatalog;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

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

    /** The operators to evolve with, names of {@code GET /api/v1/operators}; each at most once. */
    @Size(min = 1, max = 16)
    public List<String> operators;

    /** {@code rule} (embedded, no model) or {@code llm} (needs {@code longtail.evolver.llm.base-url}). */
    @Pattern(regexp = EvolutionSettings.FORMS, message = "must be rule or llm")
    public String operatorForm;

    /** Whether operator weights adapt to what the curator keeps (a bandit over operator × category). */
    public Boolean adaptiveOperators;

    /** Whether parents and donor words follow what the last version lacks of the reference. */
    public Boolean gapDriven;

    /**
     * How the arm evolves, the absent settings from {@code defaults} (config's, or a fork's parent's); a 400 problem naming {@code field} + the setting when an
     * operator is unknown or given twice, or the LLM form is asked for without a configured chat endpoint.
     */
    public EvolutionSettings resolveEvolution(EvolutionSettings defaults, boolean llmAvailable, String field) {
        List<String> names = operators == null ? defaults.operators() : operators;
        String form = operatorForm == null ? defaults.operatorForm() : operatorForm;
        List<Problem.Violation> violations = new ArrayList<>();
        List<String> unknown = OperatorCatalog.unknown(names);
        if (!unknown.isEmpty()) {
            violations.add(new Problem.Violation(field + "operators", null, "unknown operator(s) " + unknown
                    + "; known: " + OperatorCatalog.names()));
        }
        if (new HashSet<>(names).size() < names.size()) {
            violations.add(new Problem.Violation(field + "operators", null, "an operator is given twice"));
        }
        if (EvolutionSettings.LLM.equals(form) && !llmAvailable) {
            violations.add(new Problem.Violation(field + "operatorForm", null,
                    "the llm form needs a chat endpoint (longtail.evolver.llm.base-url); none is configured"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The evolution settings are invalid", violations);
        }
        return EvolutionSettings.of(names, form,
                adaptiveOperators == null ? defaults.adaptive() : adaptiveOperators,
                gapDriven == null ? defaults.gapGuided() : gapDriven);
    }

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
