package dev.longtail.core.evolution;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule, Evol-Instruct's "increase reasoning steps" (Xu et al. 2023: "if the prompt can be
 * solved with a few simple thinking processes, rewrite it to explicitly request multiple-step reasoning"): wraps the
 * parent's task in an explicit first, then, finally sequence about one of its topics. A parent that already asks
 * for such a sequence is left alone.
 */
public final class IncreaseReasoningOperator extends RuleOperator {

    public static final String NAME = "increase-reasoning";

    private static final List<String> FIRST_STEPS = List.of(
            "First, list what you already know about %s.",
            "First, identify the facts about %s that the task depends on.",
            "First, define %s in one sentence.",
            "First, break the problem of %s into smaller parts.");

    private static final List<String> FINAL_STEPS = List.of(
            "Finally, check your conclusion against one counter-example.",
            "Finally, explain which step mattered most and why.",
            "Finally, summarise how the steps connect.",
            "Finally, say how confident you are in each step.");

    public IncreaseReasoningOperator() {
        super(NAME, OperatorKind.IN_DEPTH);
    }

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        String lower = instruction.toLowerCase(Locale.ROOT);
        if (lower.contains("first") && lower.contains("finally")) {
            return Optional.empty();
        }
        List<String> slots = ContentWords.slots(instruction);
        List<String> topics = slots.isEmpty() ? ContentWords.of(instruction) : slots;
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        String topic = topics.get(rng.nextInt(topics.size()));
        String first = String.format(FIRST_STEPS.get(rng.nextInt(FIRST_STEPS.size())), topic);
        String last = FINAL_STEPS.get(rng.nextInt(FINAL_STEPS.size()));
        String then = "Then " + Rewriting.continuing(Rewriting.closed(instruction));
        return Optional.of(Rewrite.ofInstruction(first + " " + then + " " + last, parent));
    }
}
