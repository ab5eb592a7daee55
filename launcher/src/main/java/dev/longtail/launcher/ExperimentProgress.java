package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads an experiment's state ({@code GET /api/v1/experiments/{id}}) into the lines the demo prints as it waits. */
final class ExperimentProgress {

    private ExperimentProgress() {
    }

    /**
     * One line for the whole experiment: the earliest generation not every campaign has completed, and per arm how
     * many campaigns have completed it, e.g. {@code generation 3/5: control 3/3 campaigns, common-practice 2/3}.
     */
    static String line(JsonNode experiment) {
        int generations = experiment.path("generations").asInt();
        int slowest = Integer.MAX_VALUE;
        for (JsonNode arm : experiment.path("arms")) {
            for (JsonNode campaign : arm.path("campaigns")) {
                slowest = Math.min(slowest, campaign.path("completedGenerations").asInt(0));
            }
        }
        int generation = Math.max(1, Math.min(generations, slowest == Integer.MAX_VALUE ? 1 : slowest + 1));
        List<String> arms = new ArrayList<>();
        for (JsonNode arm : experiment.path("arms")) {
            int done = 0;
            for (JsonNode campaign : arm.path("campaigns")) {
                if (campaign.path("completedGenerations").asInt(0) >= generation) {
                    done++;
                }
            }
            arms.add(arm.path("name").asText() + " " + done + "/" + arm.path("campaigns").size()
                    + (arms.isEmpty() ? " campaigns" : ""));
        }
        return "generation " + generation + "/" + generations + ": " + String.join(", ", arms);
    }

    /** The campaigns whose status matches, e.g. {@code longtail seed 43 (campaign <id>, RUNNING, 3/5 generations)}. */
    static List<String> campaigns(JsonNode experiment, Predicate<String> status) {
        int generations = experiment.path("generations").asInt();
        List<String> matching = new ArrayList<>();
        for (JsonNode arm : experiment.path("arms")) {
            for (JsonNode campaign : arm.path("campaigns")) {
                String campaignStatus = campaign.path("status").asText("?");
                if (status.test(campaignStatus)) {
                    matching.add(arm.path("name").asText() + " seed " + campaign.path("randomSeed").asText()
                            + " (campaign " + campaign.path("campaignId").asText() + ", " + campaignStatus + ", "
                            + campaign.path("completedGenerations").asInt(0) + "/" + generations + " generations)");
                }
            }
        }
        return matching;
    }

    /** The campaign an arm ran with the given random seed, as the experiment lists it. */
    static JsonNode campaign(JsonNode experiment, String arm, long randomSeed) {
        for (JsonNode candidate : experiment.path("arms")) {
            if (candidate.path("name").asText().equals(arm)) {
                for (JsonNode campaign : candidate.path("campaigns")) {
                    if (campaign.path("randomSeed").asLong() == randomSeed) {
                        return campaign;
                    }
                }
            }
        }
        throw new IllegalStateException("The experiment lists no campaign of arm " + arm + " with random seed "
                + randomSeed + ": " + experiment);
    }

    /** {@code 10 min}, {@code 90 s}. */
    static String duration(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutes() > 0
                ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
