package dev.longtail.generator.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** A message's content: a string, or an array of parts whose {@code text} values are joined. */
final class TextContent extends TextOrArray {

    @Override
    String fromArray(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }
}
