package dev.longtail.evolver.experiment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.core.experiment.Statistic;
import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;

/**
 * An experiment's comparison of its arms, from the evaluator's campaign reports: the reference (generation 0) over
 * the random seeds, per arm and measured generation each metric's mean, sample sd and n over the seeds, and each
 * arm's difference from the control paired by random seed. {@code complete} is false while a campaign runs or the
 * evaluator has not measured every generation of a completed one.
 */
public record ExperimentReport(UUID experimentId, String name, int generations, List<Long> randomSeeds,
        String control, Reference reference, List<Arm> arms, List<Difference> differences, boolean complete) {

    /** The real reference over the random seeds (a statistic is null until the evaluator measured one). */
    public record Reference(Statistic perplexity, Statistic tailCoverage, Statistic distinct2, Statistic meanWords) {
    }

    /** An arm with its settings, measured generations and evolution settings. */
    public record Arm(String name, ArmSettings settings, List<Generation> generations, EvolutionSettings evolution) {
    }

    /**
     * One measured generation of an arm; a metric no campaign could give (a reference not measured) is left out.
     * {@code perplexityRatio} is D, the held-out perplexity over the reference's; {@code lengthRatio} the mean words
     * over the reference's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Generation(int generation, Statistic perplexityRatio, Statistic tailCoverage, Statistic distinct2,
            Statistic meanWords, Statistic lengthRatio, Map<String, Integer> verdicts) {
    }

    /** A paired difference, {@code arm} minus {@code against}, at one generation, of one metric. */
    public record Difference(String arm, String against, int generation, String metric, double mean, Double sd,
            int n) {
    }
}
