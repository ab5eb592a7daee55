package dev.longtail.generator.backend;

import java.util.List;

/**
 * A backend's answer: the text, the tokens it cost, how long it took (all attempts), why it stopped, the
 * per-token log-probabilities when the backend returned them (else null), and the model that answered.
 */
public record Completion(String text, int promptTokens, int completionTokens, long latencyMicros,
        String finishReason, List<TokenLogprob> logprobs, String model, int attempts) {

    /** The same completion with the latency and attempts measured by the caller, around retries and waits. */
    public Completion measured(long latencyMicros, int attempts) {
        return new Completion(text, promptTokens, completionTokens, latencyMicros, finishReason, logprobs, model,
                attempts);
    }
}
