package dev.longtail.contracts;

/**
 * Where a sample came from: backend, model, sampling parameters, cost in time and tokens. {@code tokens} is the
 * completion's token count. The components after it were added within schema version 1 and may be null (records
 * written before them, or a failed sample that never reached a backend): the generation mode and response
 * template version, the token limit, the sample's own derived seed, the prompt's tokens, the attempts it took,
 * why the backend stopped, and the mean token log-probability when the backend returned log-probabilities.
 */
public record Provenance(
        String backend,
        String model,
        double temperature,
        double topP,
        long randomSeed,
        long latencyMicros,
        int tokens,
        @AddedProperty String mode,
        @AddedProperty Integer templateVersion,
        @AddedProperty Integer maxTokens,
        @AddedProperty Long sampleSeed,
        @AddedProperty Integer promptTokens,
        @AddedProperty Integer attempts,
        @AddedProperty String finishReason,
        @AddedProperty Double meanLogprob) {

    /** The original seven components; the added ones are null. */
    public Provenance(String backend, String model, double temperature, double topP, long randomSeed,
            long latencyMicros, int tokens) {
        this(backend, model, temperature, topP, randomSeed, latencyMicros, tokens, null, null, null, null, null, null,
                null, null);
    }
}
