package dev.longtail.core.evolution;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often each operator is chosen for a parent of each category, relative to the other operators of its kind
 * (in-depth or in-breadth): weight 1 unless the {@link OperatorBandit} moved it. Keyed category → operator → weight;
 * a null category is stored as {@code ""}.
 */
public record OperatorWeights(Map<String, Map<String, Double>> byCategory) {

    /** Every operator at weight 1 in every category: uniform choice. */
    public static final OperatorWeights UNIFORM = new OperatorWeights(Map.of());

    /** Copies the maps, sorted, so weights cannot change after they are made and serialise in a stable order. */
    public OperatorWeights {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        if (byCategory != null) {
            byCategory.forEach((category, weights) -> copy.put(category, Map.copyOf(new TreeMap<>(weights))));
        }
        byCategory = Map.copyOf(copy);
    }

    /** The operator's weight for a parent of the category (1 when never changed). */
    public double weight(String operator, String category) {
        Map<String, Double> weights = byCategory.get(Objects.toString(category, ""));
        return weights == null ? 1.0 : weights.getOrDefault(operator, 1.0);
    }

    /** These weights with one changed. */
    public OperatorWeights with(String operator, String category, double weight) {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        byCategory.forEach((c, w) -> copy.put(c, new TreeMap<>(w)));
        copy.computeIfAbsent(Objects.toString(category, ""), c -> new TreeMap<>()).put(operator, weight);
        return new OperatorWeights(copy);
    }
}
