package dev.longtail.generator.prompt;

import java.util.List;

import dev.longtail.generator.backend.ChatMessage;

/** A template filled in: chat messages for chat APIs and a flat prompt for the completions API. */
public record RenderedPrompt(List<ChatMessage> messages, String prompt) {
}
