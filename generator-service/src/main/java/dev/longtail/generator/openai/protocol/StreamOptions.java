package dev.longtail.generator.openai.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A streamed request's options: whether a last chunk reports the usage. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
}
