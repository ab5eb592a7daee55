package dev.longtail.generator.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.longtail.generator.backend.ChatMessage;

/**
 * One version of one mode's prompt: a system and a user section with {@code {{name}}} placeholders, and an
 * optional {@code prompt} section for the completions API (system and user joined when absent). Pure.
 */
public record PromptTemplate(GenerationMode mode, int version, String system, String user, String prompt) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");

    /** {@code response/v1}: what provenance records. */
    public String id() {
        return mode.templateName() + "/v" + version;
    }

    /** Parses the resource format: {@code #} comment lines, then {@code --- system}, {@code --- user}, {@code --- prompt}. */
    public static PromptTemplate parse(GenerationMode mode, int version, String text) {
        String section = null;
        StringBuilder system = new StringBuilder();
        StringBuilder user = new StringBuilder();
        StringBuilder prompt = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("--- ")) {
                section = line.substring(4).trim();
                continue;
            }
            if (section == null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                throw new IllegalArgumentException("text before the first section in " + mode.templateName() + "/v" + version);
            }
            StringBuilder target = switch (section) {
                case "system" -> system;
                case "user" -> user;
                case "prompt" -> prompt;
                default -> throw new IllegalArgumentException("unknown section '" + section + "' in "
                        + mode.templateName() + "/v" + version);
            };
            target.append(line).append('\n');
        }
        if (user.toString().isBlank()) {
            throw new IllegalArgumentException("no user section in " + mode.templateName() + "/v" + version);
        }
        return new PromptTemplate(mode, version, system.toString().strip(), user.toString().strip(),
                prompt.toString().isBlank() ? null : prompt.toString().strip());
    }

    /** The placeholders the template uses. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (String part : new String[] {system, user, prompt}) {
            if (part == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** Fills the placeholders; a missing or null value renders empty, and the blank lines it leaves are closed. */
    public RenderedPrompt render(Map<String, String> values) {
        String renderedSystem = fill(system, values);
        String renderedUser = fill(user, values);
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!renderedSystem.isEmpty()) {
            messages.add(ChatMessage.system(renderedSystem));
        }
        messages.add(ChatMessage.user(renderedUser));
        String flat = prompt != null ? fill(prompt, values)
                : renderedSystem.isEmpty() ? renderedUser : renderedSystem + "\n\n" + renderedUser;
        return new RenderedPrompt(List.copyOf(messages), flat);
    }

    private static String fill(String section, Map<String, String> values) {
        if (section == null || section.isEmpty()) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(section);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.strip()));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
