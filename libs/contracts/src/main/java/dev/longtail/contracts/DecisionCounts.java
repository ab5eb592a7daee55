package dev.longtail.contracts;

import java.util.Map;

/** How the curator decided on one generation: generated = accepted + rejected + failed. */
public record DecisionCounts(int generated, int accepted, int rejected, int failed, Map<String, Integer> rejectedByReason) {
}
