package dev.longtail.generator.openai.server;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.longtail.generator.backend.Completion;
import dev.longtail.generator.backend.TokenLogprob;
import dev.longtail.generator.openai.protocol.ChatLogprobs;
import dev.longtail.generator.openai.protocol.TextLogprobs;
import dev.longtail.generator.openai.protocol.Usage;

/**
 * The completions one request sampled, with what every body or chunk about them repeats: the answer's id, when it
 * was made, the model, and whether it answers the chat API.
 */
record SampledChoices(String id, long created, String model, boolean chat, List<Completion> choices) {

    static SampledChoices of(String model, boolean chat, List<Completion> choices) {
        return new SampledChoices((chat ? "chatcmpl-" : "cmpl-") + UUID.randomUUID(), Instant.now().getEpochSecond(),
                model, chat, choices);
    }

    /** Names the server and model build, as OpenAI's {@code system_fingerprint} does. */
    String fingerprint() {
        return "longtail-" + model;
    }

    /** The prompt counted once (every choice has the same), the completions summed. */
    Usage usage() {
        int prompt = choices.isEmpty() ? 0 : choices.get(0).promptTokens();
        return Usage.of(prompt, choices.stream().mapToInt(Completion::completionTokens).sum());
    }

    /** A choice's log-probabilities in the chat API's shape, or null when none were asked for. */
    static ChatLogprobs chatLogprobs(List<TokenLogprob> logprobs) {
        return logprobs == null ? null : new ChatLogprobs(logprobs.stream()
                .map(t -> new ChatLogprobs.Token(t.token(), t.logprob(), null, List.of())).toList());
    }

    /** A choice's log-probabilities in the completions API's shape, or null when none were asked for. */
    static TextLogprobs textLogprobs(List<TokenLogprob> logprobs) {
        return logprobs == null ? null : new TextLogprobs(logprobs.stream().map(TokenLogprob::token).toList(),
                logprobs.stream().map(TokenLogprob::logprob).toList(), null);
    }
}
