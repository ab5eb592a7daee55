package dev.longtail.generator.openai.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads an OpenAI text field that is a string or an array: a string as it is, an array as the subclass says, any
 * other value as absent, which the constraints on the field then refuse with the endpoint's message.
 */
abstract class TextOrArray extends StdDeserializer<String> {

    TextOrArray() {
        super(String.class);
    }

    /** The text an array stands for, or null when it stands for none. */
    abstract String fromArray(JsonNode array);

    @Override
    public final String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            return fromArray(parser.readValueAsTree());
        }
        parser.skipChildren();
        return null;
    }
}
