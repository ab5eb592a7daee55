package dev.longtail.generator.backend;

/** One message of a chat prompt: role ({@code system}, {@code user}, {@code assistant}) and content. */
public record ChatMessage(String role, String content) {

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
