package dev.longtail.evolver.campaign;

import java.util.List;
import java.util.UUID;

import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * What a campaign is created from, defaults filled in: its own request, or one (arm, random seed) of an experiment
 * ({@code experimentId} and {@code armName} set).
 */
public record NewCampaign(String name, String seedSetId, int generations, int samplesPerGeneration, long randomSeed,
        String backend, ArmSettings arm, UUID experimentId, String armName, EvolutionSettings evolution) {

    /** The most seeds one generation may evolve (samplesPerGeneration × candidateFactor). */
    public static final int MAX_GENERATION_SIZE = 5000;

    /**
     * Refuses an arm whose generations would evolve more than {@link #MAX_GENERATION_SIZE} seeds, naming
     * {@code field} (the candidate factor's place in the request) in the 400 problem.
     */
    public static void checkGenerationSize(int samplesPerGeneration, ArmSettings arm, String field) {
        long size = (long) samplesPerGeneration * arm.candidatesPerRecord();
        if (size > MAX_GENERATION_SIZE) {
            throw ProblemException.badRequest("A generation evolves samplesPerGeneration × candidateFactor seeds, "
                    + samplesPerGeneration + " × " + arm.candidatesPerRecord() + " = " + size + " here; at most "
                    + MAX_GENERATION_SIZE, List.of(new Problem.Violation(field, null,
                    "samplesPerGeneration × candidateFactor must be at most " + MAX_GENERATION_SIZE)));
        }
    }
}
