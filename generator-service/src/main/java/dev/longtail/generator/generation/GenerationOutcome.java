package dev.longtail.generator.generation;

import java.util.List;

import dev.longtail.generator.backend.TokenLogprob;

/** One item's result: generated text, or the reason it failed; provenance either way. */
public record GenerationOutcome(GenerationItem item, String output, String failureReason,
        SampleProvenance provenance, List<TokenLogprob> logprobs) {

    public boolean generated() {
        return failureReason == null;
    }
}
