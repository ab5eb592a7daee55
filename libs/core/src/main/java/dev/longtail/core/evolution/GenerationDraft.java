package dev.longtail.core.evolution;

import java.util.List;
import java.util.Map;

/** The evolutions of one generation, with how many attempts were eliminated and why. */
public record GenerationDraft(List<EvolvedDraft> evolved, int eliminated, Map<String, Integer> eliminatedByReason) {

    /** Copies the collections so a draft cannot change after it is made. */
    public GenerationDraft {
        evolved = List.copyOf(evolved);
        eliminatedByReason = Map.copyOf(eliminatedByReason);
    }
}
