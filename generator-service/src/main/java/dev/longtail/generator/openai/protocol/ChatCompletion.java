package dev.longtail.generator.openai.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A whole chat answer ({@code chat.completion}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletion(String id, String object, long created, String model,
        @JsonProperty("system_fingerprint") String systemFingerprint, List<Choice> choices, Usage usage) {

    /** One completion: the assistant's message, its log-probabilities (null: not asked for) and why it stopped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, Message message, ChatLogprobs logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }
}
