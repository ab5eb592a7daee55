package dev.longtail.core.lm;

/**
 * How to sample from a language model: temperature (p^(1/T), renormalised), nucleus top-p
 * (Holtzman et al. 2020) and a hard cap on emitted tokens.
 */
public record Sampling(double temperature, double topP, int maxTokens) {

    /** Validates: temperature &gt; 0, 0 &lt; topP &le; 1, maxTokens &ge; 1. */
    public Sampling {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be > 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        }
    }
}
