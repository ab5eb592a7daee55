package dev.longtail.generator.openai.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A completions answer ({@code text_completion}): whole, or one server-sent event of a streamed one, whose choices
 * hold a piece of text each (and whose last event, asked for, no choice and the usage). A server that fails
 * mid-stream sends an {@code error} instead, in whatever shape it uses (an object, or only a string), hence read as
 * any JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextCompletion(String id, String object, long created, String model,
        @JsonProperty("system_fingerprint") String systemFingerprint, List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode error) {

    /** One completion, or a piece of it: its text, its log-probabilities (null: none) and why it stopped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, String text, TextLogprobs logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }
}
