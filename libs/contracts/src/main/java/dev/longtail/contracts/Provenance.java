package dev.longtail.contracts;

/** Where a sample came from: backend, model, sampling parameters, cost in time and tokens. */
public record Provenance(
        String backend,
        String model,
        double temperature,
        double topP,
        long randomSeed,
        long latencyMicros,
        int tokens) {
}
