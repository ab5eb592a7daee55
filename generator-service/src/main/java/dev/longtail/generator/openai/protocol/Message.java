package dev.longtail.generator.openai.protocol;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A chat message ({@code role}, {@code content}), also the {@code delta} of a streamed chunk, where either may be
 * absent. Content arrives as a string or as text parts; it is read as their text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
        String role,
        @NotNull(message = "every message needs content") @JsonDeserialize(using = TextContent.class) String content) {
}
