package dev.longtail.generator.openai.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads the completions API's {@code prompt}: a string, or an array holding exactly one string (OpenAI's batch form,
 * of which one prompt is served). Anything else reads as absent, which the field's constraint refuses.
 */
final class SinglePrompt extends StdDeserializer<String> {

    SinglePrompt() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            JsonNode prompts = parser.readValueAsTree();
            return prompts.size() == 1 && prompts.get(0).isTextual() ? prompts.get(0).asText() : null;
        }
        parser.skipChildren();
        return null;
    }
}
