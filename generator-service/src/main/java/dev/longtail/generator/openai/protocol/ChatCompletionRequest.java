package dev.longtail.generator.openai.protocol;

import static dev.longtail.generator.openai.protocol.CompletionParameters.MAX_CHOICES;
import static dev.longtail.generator.openai.protocol.CompletionParameters.MAX_COMPLETION_TOKENS_RANGE;
import static dev.longtail.generator.openai.protocol.CompletionParameters.MAX_TOKENS;
import static dev.longtail.generator.openai.protocol.CompletionParameters.MAX_TOKENS_RANGE;
import static dev.longtail.generator.openai.protocol.CompletionParameters.N_RANGE;
import static dev.longtail.generator.openai.protocol.CompletionParameters.TEMPERATURE_RANGE;
import static dev.longtail.generator.openai.protocol.CompletionParameters.TOP_P_POSITIVE;
import static dev.longtail.generator.openai.protocol.CompletionParameters.TOP_P_RANGE;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.longtail.support.LenientJson;

/**
 * {@code POST /v1/chat/completions}: the conversation, whose last message is the prompt, and {@code logprobs} as a
 * flag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@LenientJson
public record ChatCompletionRequest(
        String model,
        @NotEmpty(message = "messages must be a non-empty array")
        List<@NotNull(message = "every message needs content") @Valid Message> messages,
        @DecimalMin(value = "0", message = TEMPERATURE_RANGE)
        @DecimalMax(value = "2", message = TEMPERATURE_RANGE) Double temperature,
        @JsonProperty("top_p") @DecimalMin(value = "0", inclusive = false, message = TOP_P_POSITIVE)
        @DecimalMax(value = "1", message = TOP_P_RANGE) Double topP,
        @JsonProperty("max_tokens") @Min(value = 1, message = MAX_TOKENS_RANGE)
        @Max(value = MAX_TOKENS, message = MAX_TOKENS_RANGE) Integer maxTokens,
        @JsonProperty("max_completion_tokens") @Min(value = 1, message = MAX_COMPLETION_TOKENS_RANGE)
        @Max(value = MAX_TOKENS, message = MAX_COMPLETION_TOKENS_RANGE) Integer maxCompletionTokens,
        Long seed,
        @Min(value = 1, message = N_RANGE) @Max(value = MAX_CHOICES, message = N_RANGE) Integer n,
        Boolean logprobs,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> stop,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions) implements CompletionParameters {
}
