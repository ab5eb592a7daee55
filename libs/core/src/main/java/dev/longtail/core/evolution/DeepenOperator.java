package dev.longtail.core.evolution;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule, Evol-Instruct's "deepening" (Xu et al. 2023: "if the prompt inquires about an issue,
 * increase the depth and breadth of the inquiry"): appends a question that goes below the surface of one of the
 * parent's topics: causes, mechanism, history, open questions, consequences.
 */
public final class DeepenOperator extends RequirementOperator {

    public static final String NAME = "deepen";

    public DeepenOperator() {
        super(NAME, List.of(
                new Template("underlying mechanism", "Go beyond the basics and explain the underlying mechanism of %s.", 1),
                new Template("what causes", "Also explain what causes %s and what follows from it.", 1),
                new Template("changed over time", "Describe how our understanding of %s has changed over time.", 1),
                new Template("still disagree", "Discuss what experts still disagree on about %s.", 1),
                new Template("relates to", "Explain how %s relates to %s.", 2),
                new Template("would happen without", "Consider what would happen without %s.", 1),
                new Template("edge cases", "Discuss %d edge cases where the usual answer fails.", 0),
                new Template("second-order effects", "Describe the second-order effects of %s.", 1)));
    }

    @Override
    int numberFor(Template template, RandomGenerator rng) {
        return 2 + rng.nextInt(2); // 2..3 edge cases
    }
}
