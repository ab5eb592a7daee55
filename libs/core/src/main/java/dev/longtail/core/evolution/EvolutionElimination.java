package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import dev.longtail.core.text.Tokenizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evol-Instruct's elimination of failed evolutions (Xu et al. 2023, section 3.3): an evolution is dropped
 * when it is empty, did not change the instruction, grew beyond use, or leaked the rewriting template.
 */
public final class EvolutionElimination {

    public static final String EMPTY = "empty";
    public static final String UNCHANGED = "unchanged";
    public static final String TOO_LONG = "too-long";
    public static final String TEMPLATE_LEAK = "template-leak";

    /** Longest evolved instruction kept, in words. */
    public static final int MAX_WORDS = 120;

    private static final List<String> LEAK_MARKERS = List.of(
            "#rewritten prompt#", "#given prompt#", "#created prompt#", "rewritten prompt", "given prompt",
            "created prompt", "{", "}");

    private EvolutionElimination() {
    }

    /** Why the evolution failed ("empty", "unchanged", "too-long", "template-leak"), or empty if it survives. */
    public static Optional<String> reasonToEliminate(Seed parent, String evolvedInstruction) {
        if (evolvedInstruction == null || Tokenizer.wordCount(evolvedInstruction) == 0) {
            return Optional.of(EMPTY);
        }
        if (TextFingerprint.of(evolvedInstruction).equals(TextFingerprint.of(parent.instruction()))) {
            return Optional.of(UNCHANGED);
        }
        if (Tokenizer.wordCount(evolvedInstruction) > MAX_WORDS) {
            return Optional.of(TOO_LONG);
        }
        String lower = evolvedInstruction.toLowerCase(Locale.ROOT);
        for (String marker : LEAK_MARKERS) {
            if (lower.contains(marker)) {
                return Optional.of(TEMPLATE_LEAK);
            }
        }
        return Optional.empty();
    }
}
