package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule: appends one sentence drawn from the operator's templates, some parameterised with
 * the parent's content words or a number. A template whose marker phrase is already in the instruction is never
 * appended again, so repeated evolution of one lineage keeps asking for something new.
 */
abstract class RequirementOperator extends RuleOperator {

    /** A requirement template: {@code marker} is the phrase that shows it is already present. */
    record Template(String marker, String text, int contentWords) {
    }

    private final List<Template> templates;

    RequirementOperator(String name, List<Template> templates) {
        super(name, OperatorKind.IN_DEPTH);
        this.templates = List.copyOf(templates);
    }

    /** The number a {@code %d} template asks for. */
    abstract int numberFor(Template template, RandomGenerator rng);

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        String present = TextFingerprint.normalise(instruction);
        List<String> slots = ContentWords.slots(instruction);
        // noun-phrase heads read best in "an example involving {word}"; other content words are the fallback
        List<String> content = slots.isEmpty() ? ContentWords.of(instruction) : slots;
        List<Template> eligible = new ArrayList<>();
        for (Template t : templates) {
            if (!present.contains(TextFingerprint.normalise(t.marker())) && content.size() >= t.contentWords()) {
                eligible.add(t);
            }
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        Template template = eligible.get(rng.nextInt(eligible.size()));
        Object[] words;
        if (template.contentWords() == 0) {
            words = new Object[0];
        } else if (template.contentWords() == 1) {
            words = new Object[] {content.get(rng.nextInt(content.size()))};
        } else {
            int i = rng.nextInt(content.size());
            int j = (i + 1 + rng.nextInt(content.size() - 1)) % content.size();
            words = new Object[] {content.get(i), content.get(j)};
        }
        String text = template.text();
        if (text.contains("%d")) {
            text = text.replace("%d", Integer.toString(numberFor(template, rng)));
        }
        String requirement = String.format(text, words);
        return Optional.of(Rewrite.ofInstruction(Rewriting.closed(instruction) + " " + requirement, parent));
    }
}
