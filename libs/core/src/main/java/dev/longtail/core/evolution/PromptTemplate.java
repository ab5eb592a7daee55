package dev.longtail.core.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt of the LLM form, loaded from {@code prompts/<name>.<version>.txt} next to this class; its
 * {@link #id()} ({@code add-constraints.v1}) is recorded on every seed it evolves. Slots are written
 * {@code {{name}}}; {@link #fill} leaves no slot unfilled.
 */
public record PromptTemplate(String name, String version, String text) {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** The template of an operator (or judge) at a version, e.g. {@code ("deepen", "v1")}. */
    public static PromptTemplate load(String name, String version) {
        String resource = "prompts/" + name + "." + version + ".txt";
        try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no prompt template " + name + " at version " + version);
            }
            return new PromptTemplate(name, version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + resource, e);
        }
    }

    /** Whether a template exists for the name at the version. */
    public static boolean exists(String name, String version) {
        return PromptTemplate.class.getResource("prompts/" + name + "." + version + ".txt") != null;
    }

    /** {@code <name>.<version>}: what lineage records. */
    public String id() {
        return name + "." + version;
    }

    /** The text with every {@code {{slot}}} replaced in one pass; a slot without a value is an error. */
    public String fill(Map<String, String> values) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            if (!values.containsKey(slot.group(1))) {
                throw new IllegalArgumentException("template " + id() + " has no value for {{" + slot.group(1) + "}}");
            }
            String value = values.get(slot.group(1));
            slot.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        slot.appendTail(filled);
        return filled.toString();
    }
}
