package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operators a campaign may name, each in its two forms: the embedded rule ({@link #rules}) and the language
 * model's, through a versioned prompt template ({@link #prompted}). {@link #DEFAULT_SET} is the loop's set when a
 * campaign names none: the two rules Longtail always had, so a campaign that names no set evolves as before.
 */
public final class OperatorCatalog {

    /** The rule form of every operator, by name, in catalogue order. */
    private static final Map<String, Supplier<EvolutionOperator>> RULES = new LinkedHashMap<>();

    static {
        RULES.put(AddConstraintsOperator.NAME, AddConstraintsOperator::new);
        RULES.put(DeepenOperator.NAME, DeepenOperator::new);
        RULES.put(ConcretizeOperator.NAME, ConcretizeOperator::new);
        RULES.put(IncreaseReasoningOperator.NAME, IncreaseReasoningOperator::new);
        RULES.put(ComplicateInputOperator.NAME, ComplicateInputOperator::new);
        RULES.put(TopicShiftOperator.NAME, TopicShiftOperator::new);
        RULES.put(CrossoverOperator.NAME, CrossoverOperator::new);
        RULES.put(TailMutationOperator.NAME, TailMutationOperator::new);
    }

    /** The set a campaign evolves with when it names none. */
    public static final List<String> DEFAULT_SET = List.of(AddConstraintsOperator.NAME, TopicShiftOperator.NAME);

    /** The prompt templates' version the LLM form uses unless configured otherwise. */
    public static final String DEFAULT_TEMPLATE_VERSION = "v1";

    /** The judge template's name (rule 1 of elimination in the LLM form). */
    public static final String JUDGE_TEMPLATE = "judge-equal";

    private OperatorCatalog() {
    }

    /** Every operator name, in catalogue order. */
    public static List<String> names() {
        return List.copyOf(RULES.keySet());
    }

    /** Whether the catalogue has an operator of that name. */
    public static boolean has(String name) {
        return RULES.containsKey(name);
    }

    /** The names of {@code names} the catalogue lacks (empty: the set is valid). */
    public static List<String> unknown(List<String> names) {
        return names.stream().filter(n -> !has(n)).toList();
    }

    /** The rule form of each named operator, fresh instances, in the given order. */
    public static List<EvolutionOperator> rules(List<String> names) {
        List<EvolutionOperator> operators = new ArrayList<>();
        for (String name : names) {
            Supplier<EvolutionOperator> rule = RULES.get(name);
            if (rule == null) {
                throw new IllegalArgumentException("unknown operator " + name + "; known: " + names());
            }
            operators.add(rule.get());
        }
        return operators;
    }

    /** The LLM form of each named operator, through its template at the version, asking the model. */
    public static List<EvolutionOperator> prompted(List<String> names, String templateVersion, ChatModel model,
            boolean probeResponses) {
        List<EvolutionOperator> operators = new ArrayList<>();
        for (EvolutionOperator rule : rules(names)) {
            operators.add(new PromptedOperator(rule.name(), rule.kind(),
                    PromptTemplate.load(rule.name(), templateVersion), model, probeResponses));
        }
        return operators;
    }
}
