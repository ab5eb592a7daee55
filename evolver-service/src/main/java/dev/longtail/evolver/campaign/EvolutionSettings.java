package dev.longtail.evolver.campaign;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.longtail.core.evolution.OperatorCatalog;
import dev.longtail.evolver.EvolverConfig;

/**
 * How a campaign arm evolves, fixed at creation, every setting filled in: its operator set (names of
 * {@link OperatorCatalog}, stored comma-separated), their form ({@code rule} or {@code llm}), whether operator weights
 * adapt (the bandit) and whether evolution follows the gaps of the last version. The same columns in {@code campaign}
 * and {@code experiment_arm}; campaigns from before read null and evolve as they always did.
 */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvolutionSettings(
        @JsonIgnore @Column(name = "operators") String operatorNames,
        @Column(name = "operator_form") String operatorForm,
        @Column(name = "adaptive_operators") Boolean adaptiveOperators,
        @Column(name = "gap_driven") Boolean gapDriven) {

    /** The operator forms a campaign may name, as a pattern. */
    public static final String FORMS = "rule|llm";

    /** The rule form: Longtail's embedded rules, no model. */
    public static final String RULE = "rule";

    /** The LLM form: versioned prompts through the configured chat endpoint. */
    public static final String LLM = "llm";

    /** How campaigns created before operator sets evolve: the two rules, uniform, without gaps. */
    public static final EvolutionSettings BEFORE_OPERATOR_SETS = new EvolutionSettings(
            String.join(",", OperatorCatalog.DEFAULT_SET), RULE, false, false);

    /** The configured defaults ({@code longtail.evolver.evolution.*}). */
    public static EvolutionSettings defaults(EvolverConfig.Evolution config) {
        return of(config.operators(), config.operatorForm(), config.adaptiveOperators(), config.gapDriven());
    }

    /** Settings from an operator list. */
    public static EvolutionSettings of(List<String> operators, String form, boolean adaptive, boolean gapDriven) {
        return new EvolutionSettings(String.join(",", operators), form, adaptive, gapDriven);
    }

    /** The operator names, in the order the request gave them. */
    @JsonProperty("operators")
    public List<String> operators() {
        return operatorNames == null ? OperatorCatalog.DEFAULT_SET : Arrays.asList(operatorNames.split(","));
    }

    /** Whether these settings ask for the LLM form. */
    public boolean llm() {
        return LLM.equals(operatorForm);
    }

    /** Whether the bandit adapts operator weights. */
    public boolean adaptive() {
        return Boolean.TRUE.equals(adaptiveOperators);
    }

    /** Whether evolution follows the gaps. */
    public boolean gapGuided() {
        return Boolean.TRUE.equals(gapDriven);
    }
}
