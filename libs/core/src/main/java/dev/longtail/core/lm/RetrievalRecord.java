package dev.longtail.core.lm;

import java.util.List;

/**
 * One record of a training version as the retrieval side of {@link RetrievalInterpolatedModel} sees it: the
 * instruction it is found by, the prompt tokens that precede the response (context only, never predicted) and
 * the response tokens (predicted, then {@code </s>}).
 */
public record RetrievalRecord(String instruction, List<String> prompt, List<String> response) {

    /** Copies the token lists; null lists count as empty. */
    public RetrievalRecord {
        prompt = prompt == null ? List.of() : List.copyOf(prompt);
        response = response == null ? List.of() : List.copyOf(response);
    }
}
