package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule, Evol-Instruct's "complicate the input" (Xu et al. 2023: add data in a format such as
 * a table or JSON that the answer must use): builds structured data from the parent's topics and up to two topics
 * of other seeds of its category, puts it in the input (after the parent's own input, if any) and asks the
 * instruction to use it. A parent that already refers to data in its input is left alone.
 */
public final class ComplicateInputOperator extends RuleOperator {

    public static final String NAME = "complicate-input";

    /** The phrase that marks an instruction already asking for the input's data. */
    static final String MARKER = "data in the input";

    private static final List<String> ASPECTS = List.of(
            "definition", "cause", "example", "effect", "limitation", "history", "common mistake", "measurement");

    public ComplicateInputOperator() {
        super(NAME, OperatorKind.IN_DEPTH);
    }

    @Override
    Optional<Rewrite> rewrite(Seed parent, String instruction, EvolutionContext context, RandomGenerator rng) {
        if (instruction.toLowerCase(Locale.ROOT).contains(MARKER)) {
            return Optional.empty();
        }
        List<String> topics = new ArrayList<>(ContentWords.slots(instruction));
        if (topics.isEmpty()) {
            topics.addAll(ContentWords.of(instruction));
        }
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>();
        for (Seed seed : context.pool()) {
            if (!Objects.equals(seed.id(), parent.id()) && Objects.equals(seed.category(), parent.category())) {
                for (String word : ContentWords.slots(seed.instruction())) {
                    if (!topics.contains(word) && !others.contains(word)) {
                        others.add(word);
                    }
                }
            }
        }
        for (int k = 0; k < 2 && !others.isEmpty(); k++) {
            topics.add(others.remove(rng.nextInt(others.size())));
        }
        String data = rng.nextBoolean() ? table(topics, rng) : json(topics, rng);
        String input = parent.input() == null || parent.input().isBlank() ? data : parent.input().strip() + "\n\n" + data;
        String evolved = Rewriting.closed(instruction) + " Use every item of the data in the input.";
        return Optional.of(new Rewrite(evolved, input, null, null));
    }

    private static String table(List<String> topics, RandomGenerator rng) {
        StringBuilder table = new StringBuilder("| topic | aspect to cover |\n| --- | --- |");
        for (String topic : topics) {
            table.append("\n| ").append(topic).append(" | ").append(ASPECTS.get(rng.nextInt(ASPECTS.size()))).append(" |");
        }
        return table.toString();
    }

    private static String json(List<String> topics, RandomGenerator rng) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < topics.size(); i++) {
            json.append(i == 0 ? "" : ", ").append("{\"topic\": \"").append(topics.get(i)).append("\", \"aspect\": \"")
                    .append(ASPECTS.get(rng.nextInt(ASPECTS.size()))).append("\"}");
        }
        return json.append(']').toString();
    }
}
