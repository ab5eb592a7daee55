package dev.longtail.generator.backend;

import java.util.List;

/**
 * One prompt for a backend, in both shapes: chat messages (for chat APIs and the embedded model, which reads
 * the last user message) and a flat prompt (for the completions API).
 */
public record CompletionRequest(List<ChatMessage> messages, String prompt, SamplingSettings sampling,
        boolean logprobs) {

    /** The content of the last user message, or the flat prompt when there is none. */
    public String lastUserContent() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return prompt;
    }
}
