package dev.longtail.core.evolution;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What steers one generation's evolution besides the plan: the operator weights (the bandit's), the donor words
 * and the category boosts (the gap analysis'). {@link #NONE} evolves as plain Evol-Instruct: uniform operators,
 * parents by 1/sqrt(category size), donors from the pool.
 */
public record EvolutionGuidance(OperatorWeights weights, List<String> donorWords, Map<String, Double> categoryBoosts) {

    /** No steering. */
    public static final EvolutionGuidance NONE = new EvolutionGuidance(OperatorWeights.UNIFORM, List.of(), Map.of());

    /** Copies the collections; absent parts mean no steering of that kind. */
    public EvolutionGuidance {
        weights = weights == null ? OperatorWeights.UNIFORM : weights;
        donorWords = donorWords == null ? List.of() : List.copyOf(donorWords);
        categoryBoosts = categoryBoosts == null ? Map.of() : Map.copyOf(categoryBoosts);
    }

    /** The factor on a parent's draw weight for its category (1 when the category is not thinning). */
    public double boost(String category) {
        return categoryBoosts.getOrDefault(Objects.toString(category, ""), 1.0);
    }
}
