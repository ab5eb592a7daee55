package dev.longtail.generator.openai.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads OpenAI's text in either form: a string, or an array of parts whose {@code text} values are joined. Any other
 * value reads as absent, which the constraints on the field then refuse with the endpoint's message.
 */
final class TextContent extends StdDeserializer<String> {

    TextContent() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : parser.<JsonNode>readValueAsTree()) {
                text.append(part.path("text").asText(""));
            }
            return text.toString();
        }
        parser.skipChildren();
        return null;
    }
}
