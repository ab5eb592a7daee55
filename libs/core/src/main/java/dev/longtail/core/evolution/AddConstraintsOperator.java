package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule (Evol-Instruct, Xu et al. 2023: "add constraints", "deepening",
 * "concretizing", "increase reasoning steps"): appends one requirement drawn from a varied list of
 * templates, some parameterised with the parent's content words or a number, so the instruction asks for
 * more. A requirement whose marker phrase is already in the instruction is never appended again.
 */
public final class AddConstraintsOperator implements EvolutionOperator {

    public static final String NAME = "add-constraints";

    /** A requirement template: {@code marker} is the phrase that shows it is already present. */
    private record Template(String marker, String text, int contentWords) {
    }

    private static final List<Template> TEMPLATES = List.of(
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
            new Template("trade-off", "Discuss one trade-off involving %s.", 1));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OperatorKind kind() {
        return OperatorKind.IN_DEPTH;
    }

    @Override
    public Optional<String> evolve(Seed parent, List<Seed> pool, RandomGenerator rng) {
        String instruction = parent.instruction() == null ? "" : parent.instruction().strip();
        if (instruction.isEmpty()) {
            return Optional.empty();
        }
        String present = TextFingerprint.normalise(instruction);
        List<String> slots = ContentWords.slots(instruction);
        // noun-phrase heads read best in "an example involving {word}"; other content words are the fallback
        List<String> content = slots.isEmpty() ? ContentWords.of(instruction) : slots;
        List<Template> eligible = new ArrayList<>();
        for (Template t : TEMPLATES) {
            if (!present.contains(TextFingerprint.normalise(t.marker())) && content.size() >= t.contentWords()) {
                eligible.add(t);
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Template template = eligible.get(rng.nextInt(eligible.size()));
        String requirement;
        if (template.contentWords() == 0) {
            requirement = template.text().contains("%d") ? String.format(template.text(), numberFor(template, rng))
                    : template.text();
        } else if (template.contentWords() == 1) {
            requirement = String.format(template.text(), content.get(rng.nextInt(content.size())));
        } else {
            int i = rng.nextInt(content.size());
            int j = (i + 1 + rng.nextInt(content.size() - 1)) % content.size();
            requirement = String.format(template.text(), content.get(i), content.get(j));
        }
        char last = instruction.charAt(instruction.length() - 1);
        String joined = ".?!".indexOf(last) >= 0 ? instruction : instruction + ".";
        return Optional.of(joined + " " + requirement);
    }

    private static int numberFor(Template template, RandomGenerator rng) {
        return switch (template.marker()) {
            case "at most" -> 2 + rng.nextInt(4);            // 2..5 sentences
            case "no more than" -> 50 + 10 * rng.nextInt(6);  // 50..100 words
            default -> 2 + rng.nextInt(3);                   // 2..4 reasons
        };
    }
}
