package dev.longtail.generator.generation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.generator.backend.TokenLogprob;

/** The samples of a generation, with the backend, model, mode and template that made them. */
public record GenerateResponse(String backend, String model, String mode, String template, int generated, int failed,
        List<Sample> samples) {

    /**
     * One item's result: its subject (the instruction, the source text, or the examples shown), the output or the
     * failure reason, its length in tokens, latency, full provenance and the log-probabilities if returned.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sample(String instruction, String text, List<String> examples, String status, String output,
            String failureReason, int tokens, long latencyMicros, SampleProvenance provenance,
            List<TokenLogprob> logprobs) {
    }

    public static Sample sample(String mode, GenerationOutcome outcome) {
        var item = outcome.item();
        var p = outcome.provenance();
        return new Sample("RESPONSE".equals(mode) ? item.subject() : null, "REPHRASE".equals(mode) ? item.subject() : null,
                item.examples(), outcome.generated() ? "GENERATED" : "FAILED", outcome.output(), outcome.failureReason(),
                p.completionTokens(), p.latencyMicros(), p, outcome.logprobs());
    }
}
