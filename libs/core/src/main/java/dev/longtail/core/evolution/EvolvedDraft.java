package dev.longtail.core.evolution;

/**
 * An evolution that survived elimination: the new instruction and input with their lineage (parent, operator and,
 * for the LLM form, the prompt template's version; null for a rule).
 */
public record EvolvedDraft(Seed parent, String operator, OperatorKind kind, String category, String instruction,
                           String input, String templateVersion) {
}
