package dev.longtail.core.evolution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evolutions of one generation, with how many attempts were eliminated and why, and per operator how many
 * attempts it made and why its failures failed (the failure rate per operator and per rule).
 */
public record GenerationDraft(List<EvolvedDraft> evolved, int eliminated, Map<String, Integer> eliminatedByReason,
        Map<String, Integer> attemptsByOperator, Map<String, Map<String, Integer>> eliminatedByOperator) {

    /** Copies the collections so a draft cannot change after it is made. */
    public GenerationDraft {
        evolved = List.copyOf(evolved);
        eliminatedByReason = Map.copyOf(eliminatedByReason);
        attemptsByOperator = Map.copyOf(attemptsByOperator);
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        eliminatedByOperator.forEach((operator, reasons) -> copy.put(operator, Map.copyOf(reasons)));
        eliminatedByOperator = Map.copyOf(copy);
    }

    /** The total number of attempts: survivors plus eliminated. */
    public int attempts() {
        return evolved.size() + eliminated;
    }
}
