package dev.longtail.generator.generation;

import java.util.List;
import java.util.Map;

/**
 * One thing to generate: a stable key (the random stream derives from it, so the same key samples the same
 * text again), the template's values, the subject shown next to the output (the instruction or the source text)
 * and, for self-instruct, the in-context examples it was shown.
 */
public record GenerationItem(String key, Map<String, String> values, String subject, List<String> examples) {
}
