package dev.longtail.core.evolution;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * In-depth evolution by rule, Evol-Instruct's "concretizing" (Xu et al. 2023: "replace general concepts with more
 * specific concepts"): pins one of the parent's topics to a specific case (a place, a person, a time, a number), so
 * the answer cannot stay general.
 */
public final class ConcretizeOperator extends RequirementOperator {

    public static final String NAME = "concretize";

    public ConcretizeOperator() {
        super(NAME, List.of(
                new Template("small coastal town", "Focus specifically on %s in a small coastal town.", 1),
                new Template("ten-year-old", "Make it specific to a ten-year-old who asks about %s.", 1),
                new Template("in the year", "Set the case of %s in the year %d.", 1),
                new Template("budget of", "Assume a budget of %d euros for anything involving %s.", 1),
                new Template("first-time", "Tailor it to a first-time learner of %s in a busy city.", 1),
                new Template("named person", "Describe it through one named person dealing with %s.", 1),
                new Template("real-world case", "Anchor the answer in one real-world case of %s.", 1),
                new Template("exact figures", "Use exact figures wherever %s is measured.", 1)));
    }

    @Override
    int numberFor(Template template, RandomGenerator rng) {
        return "in the year".equals(template.marker()) ? 1850 + 10 * rng.nextInt(17) : 20 + 10 * rng.nextInt(9);
    }
}
