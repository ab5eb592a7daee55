package dev.longtail.evolver.seedset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.core.evolution.Seed;
import dev.longtail.support.Problem;

/**
 * Reads a JSONL seed set ({@code {id?, category, instruction, input?, output}} per line) and collects every
 * error with its 1-based line number, so that a user fixes the whole file in one go. Blank lines are skipped.
 */
public final class SeedSetParser {

    static final int MAX_ID = 200;
    static final int MAX_CATEGORY = 100;
    static final int MAX_TEXT = 20_000;

    // text after a line's object is an error, not something to drop silently
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("id", "category", "instruction", "input", "output");

    /** The seeds read, and what is wrong with the file (empty when it is valid). */
    public record Result(List<Seed> seeds, List<Problem.Violation> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private SeedSetParser() {
    }

    public static Result parse(List<String> lines) {
        List<Seed> seeds = new ArrayList<>();
        List<Problem.Violation> errors = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            int line = index + 1;
            String text = lines.get(index);
            if (text == null || text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (Exception e) {
                errors.add(new Problem.Violation(null, line, "malformed JSON"));
                continue;
            }
            if (node == null || !node.isObject()) {
                errors.add(new Problem.Violation(null, line, "not a JSON object"));
                continue;
            }
            int before = errors.size();
            node.fieldNames().forEachRemaining(field -> {
                if (!FIELDS.contains(field)) {
                    errors.add(new Problem.Violation(null, line, "unknown field " + field + "; known: " + FIELDS));
                }
            });
            String id = optionalText(node, "id", MAX_ID, line, errors);
            String category = requiredText(node, "category", MAX_CATEGORY, line, errors);
            String instruction = requiredText(node, "instruction", MAX_TEXT, line, errors);
            String input = optionalText(node, "input", MAX_TEXT, line, errors);
            String output = requiredText(node, "output", MAX_TEXT, line, errors);
            if (id == null || id.isBlank()) {
                // stable across uploads of the same file: derived from the line
                id = "line-" + line;
            }
            Integer first = lineOfId.putIfAbsent(id, line);
            if (first != null) {
                errors.add(new Problem.Violation(null, line, "duplicate id '" + id + "' (first on line " + first + ")"));
            }
            if (errors.size() == before) {
                seeds.add(new Seed(id, category.strip(), instruction, input == null ? "" : input, output));
            }
        }
        return new Result(List.copyOf(seeds), List.copyOf(errors));
    }

    private static String requiredText(JsonNode node, String field, int max, int line, List<Problem.Violation> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            errors.add(new Problem.Violation(null, line, "missing " + field));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.Violation(null, line, field + " must be a string"));
            return null;
        }
        if (value.asText().isBlank()) {
            errors.add(new Problem.Violation(null, line, field + " is blank"));
            return null;
        }
        return withinLimit(value.asText(), field, max, line, errors);
    }

    private static String optionalText(JsonNode node, String field, int max, int line, List<Problem.Violation> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.Violation(null, line, field + " must be a string"));
            return null;
        }
        return withinLimit(value.asText(), field, max, line, errors);
    }

    private static String withinLimit(String text, String field, int max, int line, List<Problem.Violation> errors) {
        if (text.indexOf('\u0000') >= 0) {
            errors.add(new Problem.Violation(null, line, field + " holds a NUL character, which cannot be stored"));
            return null;
        }
        if (text.length() > max) {
            errors.add(new Problem.Violation(null, line, field + " is longer than " + max + " characters"));
            return null;
        }
        return text;
    }
}
