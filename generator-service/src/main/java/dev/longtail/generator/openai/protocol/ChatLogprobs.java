package dev.longtail.generator.openai.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The chat API's log-probabilities: one entry per generated token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatLogprobs(List<Token> content) {

    /** A token, its natural-log probability, its bytes (null: not given) and the most likely alternatives. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(String token, double logprob, List<Integer> bytes,
            @JsonProperty("top_logprobs") List<Token> topLogprobs) {
    }
}
