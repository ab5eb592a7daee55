package dev.longtail.core.evolution;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule, Evol-Instruct's "add constraints" (Xu et al. 2023): appends one requirement on the
 * form or scope of the answer, drawn from a varied list of templates (see {@link RequirementOperator}).
 */
public final class AddConstraintsOperator extends RequirementOperator {

    public static final String NAME = "add-constraints";

    public AddConstraintsOperator() {
        super(NAME, List.of(
                new Template("concrete example", "Include a concrete example involving %s.", 1),
                new Template("at most", "Answer in at most %d sentences.", 0),
                new Template("step by step", "Explain the reasoning step by step.", 0),
                new Template("misconception", "Mention one common misconception about %s.", 1),
                new Template("contrast", "Contrast %s with %s.", 2),
                new Template("no more than", "Use no more than %d words.", 0),
                new Template("distinct reasons", "Give %d distinct reasons.", 0),
                new Template("summary", "Start with a one-sentence summary.", 0),
                new Template("never heard of", "Address a reader who has never heard of %s.", 1),
                new Template("limitation", "State one limitation of your answer.", 0),
                new Template("numbered list", "Present the answer as a numbered list.", 0),
                new Template("in practice", "Explain why %s matters in practice.", 1),
                new Template("jargon", "Avoid technical jargon.", 0),
                new Template("question for the reader", "End with a question for the reader.", 0),
                new Template("assumption", "State every assumption you make about %s.", 1),
                new Template("trade-off", "Discuss one trade-off involving %s.", 1)));
    }

    @Override
    int numberFor(Template template, RandomGenerator rng) {
        return switch (template.marker()) {
            case "at most" -> 2 + rng.nextInt(4);            // 2..5 sentences
            case "no more than" -> 50 + 10 * rng.nextInt(6);  // 50..100 words
            default -> 2 + rng.nextInt(3);                   // 2..4 reasons
        };
    }
}
