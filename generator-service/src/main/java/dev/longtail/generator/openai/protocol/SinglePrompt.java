package dev.longtail.generator.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The completions API's {@code prompt}: a string, or an array holding exactly one string (OpenAI's batch form, of
 * which one prompt is served).
 */
final class SinglePrompt extends TextOrArray {

    @Override
    String fromArray(JsonNode prompts) {
        return prompts.size() == 1 && prompts.get(0).isTextual() ? prompts.get(0).asText() : null;
    }
}
