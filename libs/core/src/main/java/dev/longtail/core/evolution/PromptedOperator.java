package dev.longtail.core.evolution;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The LLM form of an operator: fills the operator's versioned {@link PromptTemplate} with the parent (and, for
 * crossover, a co-parent; for tail-targeted mutation, donor words), asks the {@link ChatModel}, and reads the reply
 * as the evolved instruction, with an input after a line starting {@code Input:}. With probing on, the model also
 * answers the evolved instruction, as WizardLM does, so that elimination rules 2 and 3 judge a real response;
 * otherwise they judge the rewrite's reply itself. Every model call takes its random seed from {@code rng}.
 */
public final class PromptedOperator implements EvolutionOperator {

    private final String name;
    private final OperatorKind kind;
    private final PromptTemplate template;
    private final ChatModel model;
    private final boolean probeResponses;
    private final TailMutationOperator tail = new TailMutationOperator();

    public PromptedOperator(String name, OperatorKind kind, PromptTemplate template, ChatModel model,
            boolean probeResponses) {
        this.name = name;
        this.kind = kind;
        this.template = template;
        this.model = model;
        this.probeResponses = probeResponses;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OperatorKind kind() {
        return kind;
    }

    /** The template this operator fills. */
    public PromptTemplate template() {
        return template;
    }

    @Override
    public Optional<Rewrite> evolve(Seed parent, EvolutionContext context, RandomGenerator rng) {
        String instruction = Rewriting.instructionOf(parent);
        if (instruction.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("instruction", instruction);
        values.put("input", parent.input() == null || parent.input().isBlank() ? "(none)" : parent.input().strip());
        values.put("category", parent.category() == null ? "general" : parent.category());
        if (template.text().contains("{{co_instruction}}")) {
            Optional<Seed> coParent = CrossoverOperator.coParent(parent, context.pool(), rng);
            if (coParent.isEmpty()) {
                return Optional.empty();
            }
            values.put("co_instruction", Rewriting.instructionOf(coParent.get()));
        }
        if (template.text().contains("{{donor_words}}")) {
            List<String> donors = TailMutationOperator.donors(parent, context, tail.documentFrequency(context.pool()));
            if (donors.isEmpty()) {
                return Optional.empty();
            }
            values.put("donor_words", String.join(", ", donors.subList(0, Math.min(5, donors.size()))));
        }
        String reply = model.reply(template.fill(values), rng.nextLong()).strip();
        String[] parts = split(reply);
        String response = probeResponses && !parts[0].isBlank()
                ? model.reply(parts[1].isEmpty() ? parts[0] : parts[0] + "\n\n" + parts[1], rng.nextLong())
                : reply;
        return Optional.of(new Rewrite(parts[0], parts[1], response, template.id()));
    }

    /** The reply's instruction (without an echoed "Instruction:" label or quotes) and input ("" if none). */
    static String[] split(String reply) {
        String instruction = reply;
        String input = "";
        int at = -1;
        String lower = reply.toLowerCase(Locale.ROOT);
        if (lower.startsWith("input:")) {
            at = 0;
        } else if (lower.contains("\ninput:")) {
            at = lower.indexOf("\ninput:") + 1;
        }
        if (at >= 0) {
            instruction = reply.substring(0, at);
            input = reply.substring(at + "input:".length()).strip();
            if (input.equalsIgnoreCase("(none)")) {
                input = "";
            }
        }
        instruction = instruction.strip();
        if (instruction.toLowerCase(Locale.ROOT).startsWith("instruction:")) {
            instruction = instruction.substring("instruction:".length()).strip();
        }
        if (instruction.length() >= 2 && instruction.startsWith("\"") && instruction.endsWith("\"")) {
            instruction = instruction.substring(1, instruction.length() - 1).strip();
        }
        return new String[] {instruction, input};
    }
}
