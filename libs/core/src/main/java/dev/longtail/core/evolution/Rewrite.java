package dev.longtail.core.evolution;

/**
 * What an operator made of a parent: the evolved instruction and input, the language model's raw reply when an
 * LLM made it ({@code response}, null for a rule), and the prompt template's version ({@code null} for a rule).
 */
public record Rewrite(String instruction, String input, String response, String templateVersion) {

    /** A rule's rewrite of the instruction only: the parent's input stays. */
    public static Rewrite ofInstruction(String instruction, Seed parent) {
        return new Rewrite(instruction, parent.input(), null, null);
    }
}
