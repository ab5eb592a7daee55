package dev.longtail.core.evolution;

import java.util.Locale;
import java.util.Map;

/**
 * Rule 1 by a language model, WizardLM's way: the model is asked whether the parent and the evolved instruction are
 * equal in constraints, requirements, depth and breadth; "Equal" means no information gain. The judge template is
 * versioned like the operators' ({@code judge-equal.v1}).
 */
public final class LlmGainJudge implements InformationGainJudge {

    private final ChatModel model;
    private final PromptTemplate template;

    public LlmGainJudge(ChatModel model, PromptTemplate template) {
        this.model = model;
        this.template = template;
    }

    @Override
    public boolean lacksGain(Seed parent, Rewrite rewrite) {
        String reply = model.reply(template.fill(Map.of("first", text(parent.instruction(), parent.input()),
                "second", text(rewrite.instruction(), rewrite.input()))), 0L);
        String verdict = reply.strip().toLowerCase(Locale.ROOT);
        return verdict.startsWith("equal") || (verdict.contains("equal") && !verdict.contains("not equal"));
    }

    @Override
    public String describe() {
        return "llm judge " + template.id();
    }

    private static String text(String instruction, String input) {
        return input == null || input.isBlank() ? instruction : instruction + "\nInput: " + input;
    }
}
