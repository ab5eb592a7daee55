package dev.longtail.generator.embedded;

import java.util.ArrayList;
import java.util.List;

import dev.longtail.core.text.Tokenizer;

/**
 * How the embedded model sees an instruction and its response: one token sequence, prompt tokens, a
 * {@value #RESPONSE_MARKER} marker, response tokens. Pure functions; a candidate for libs/core.
 */
public final class PromptFormat {

    /** Separates the prompt from the response, so the model learns to answer after it. */
    public static final String RESPONSE_MARKER = "<response>";

    private PromptFormat() {
    }

    /** The prompt a response is sampled after: tokens of instruction and input, then the marker. */
    public static List<String> prompt(String instruction, String input) {
        List<String> tokens = new ArrayList<>(Tokenizer.tokenize(join(instruction, input)));
        tokens.add(RESPONSE_MARKER);
        return tokens;
    }

    /** A training sequence: the prompt followed by the response tokens. */
    public static List<String> trainingSequence(String instruction, String input, String output) {
        List<String> tokens = prompt(instruction, input);
        tokens.addAll(Tokenizer.tokenize(output));
        return tokens;
    }

    /** The sampled continuation as response tokens: a marker the model emits again is no part of the answer. */
    public static List<String> responseTokens(List<String> continuation) {
        return continuation.stream().filter(token -> !RESPONSE_MARKER.equals(token)).toList();
    }

    private static String join(String instruction, String input) {
        String head = instruction == null ? "" : instruction;
        return input == null || input.isBlank() ? head : head + " " + input;
    }
}
