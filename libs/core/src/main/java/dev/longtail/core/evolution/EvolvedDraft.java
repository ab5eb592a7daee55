package dev.longtail.core.evolution;

/** An evolution that survived elimination: the new instruction with its lineage (parent and operator). */
public record EvolvedDraft(Seed parent, String operator, OperatorKind kind, String category, String instruction,
                           String input) {
}
