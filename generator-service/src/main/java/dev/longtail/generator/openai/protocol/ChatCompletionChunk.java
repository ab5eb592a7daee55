package dev.longtail.generator.openai.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One server-sent event of a streamed chat answer ({@code chat.completion.chunk}): a piece of one choice, or, last,
 * no choice and the usage. A server that fails mid-stream sends an {@code error} instead, in whatever
 * shape it uses (an object, or only a string), hence read as any JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionChunk(String id, String object, long created, String model,
        @JsonProperty("system_fingerprint") String systemFingerprint, List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode error) {

    /** A piece of one completion: what its message adds ({@code delta}), and why it stopped, in its last chunk. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(int index, Message delta, ChatLogprobs logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }
}
