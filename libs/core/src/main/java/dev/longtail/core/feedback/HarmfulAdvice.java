package dev.longtail.core.feedback;

import java.util.List;
import java.util.Optional;

/**
 * Advice the project's own benchmark measured harmful: the loop controller never emits it as an adjustment and the
 * report lists it as withheld with this evidence. Only measured evidence belongs here; a knob the benchmark has
 * not measured is not listed.
 *
 * @param parameter the plan parameter
 * @param raise     true when raising the parameter is harmful, false when lowering it is
 * @param evidence  the measurement, with where it is recorded
 */
public record HarmfulAdvice(String parameter, boolean raise, String evidence) {

    /** Raising the sampling temperature, FeedbackPolicy's answer to falling distinct-2. */
    public static final HarmfulAdvice RAISING_TEMPERATURE = new HarmfulAdvice(Change.TEMPERATURE, true,
            "collapse benchmark, bench/README.md \"Tried and measured\", seed 1: candidates sampled at temperature "
                    + "1.15 / 1.3 gave held-out perplexity 765 / 967 at generation 3 against 606 at temperature 1");

    /** Every advice measured harmful. */
    public static final List<HarmfulAdvice> MEASURED = List.of(RAISING_TEMPERATURE);

    /** The measured harm of moving {@code parameter} from {@code from} to {@code to}, if any. */
    public static Optional<HarmfulAdvice> of(String parameter, double from, double to) {
        return MEASURED.stream().filter(h -> h.parameter.equals(parameter) && h.raise == (to > from) && to != from)
                .findFirst();
    }

    /** "withheld: measured harmful (…)", as the report shows it. */
    public String withheld() {
        return "withheld: measured harmful (" + (raise ? "raising " : "lowering ") + parameter + "; " + evidence + ")";
    }
}
