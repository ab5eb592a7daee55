package dev.longtail.generator.openai.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The completions API's log-probabilities: the tokens and their natural-log probabilities, side by side. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextLogprobs(List<String> tokens, @JsonProperty("token_logprobs") List<Double> tokenLogprobs,
        @JsonProperty("top_logprobs") List<Map<String, Double>> topLogprobs) {
}
