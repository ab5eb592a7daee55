package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo experiment: its arms, its random seeds and the body it posts to the evolver. */
class DemoExperimentTest {

    private static DemoExperiment from(String... args) {
        return DemoExperiment.from(CliArguments.parse(List.of(args),
                java.util.Set.of("generations", "samples", "seed", "seeds", "arms", "timeout")));
    }

    @Test
    void shouldPostTheThreeArmsOverSeeds42To44AsTheContractSpellsThem() throws Exception {
        JsonNode body = JsonHttp.read(JsonHttp.write(from().requestBody()));

        JsonNode expected = Fixtures.JSON.readTree("""
                {"name": "demo", "seedSetId": "demo", "generations": 5, "samplesPerGeneration": 120,
                 "randomSeeds": [42, 43, 44],
                 "arms": [
                   {"name": "control", "anchorPolicy": "replace", "feedback": false},
                   {"name": "common-practice", "anchorPolicy": "ratio", "anchorRatio": 0.1, "feedback": false},
                   {"name": "longtail", "anchorPolicy": "tail-preserving", "anchorRatio": 0.1, "carryOver": 0.6,
                    "candidateFactor": 3, "temperature": 1.0, "topP": 1.0, "feedback": true}
                 ]}""");
        assertEquals(expected, body);
    }

    @Test
    void shouldCountTheRandomSeedsOnFromTheFirstSeed() {
        var experiment = from("--seed", "7", "--seeds", "2", "--generations", "3", "--samples", "40");

        assertEquals(List.of(7L, 8L), experiment.randomSeeds());
        assertEquals(7L, experiment.firstSeed());
        assertEquals(3, experiment.generations());
        assertEquals(40, experiment.samplesPerGeneration());
        assertEquals(6, experiment.campaigns());
    }

    @Test
    void shouldRunOnlyTheNamedArmsInTheirUsualOrderWithTheControlFirst() {
        var experiment = from("--arms", "longtail, control");

        assertEquals(List.of("control", "longtail"), experiment.arms().stream().map(DemoExperiment.Arm::name).toList());
        JsonNode arms = Fixtures.JSON.valueToTree(experiment.requestBody()).path("arms");
        assertEquals(2, arms.size());
        assertEquals("control", arms.get(0).path("name").asText());
    }

    @Test
    void shouldRefuseUnknownArmsAnArmNamedTwiceAndMoreSeedsThanTheEvolverTakes() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> from("--arms", "control,anchor10"));
        assertTrue(unknown.getMessage().contains("anchor10") && unknown.getMessage().contains("common-practice"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> from("--arms", "control,control"));
        assertThrows(IllegalArgumentException.class, () -> from("--arms", ""));
        assertThrows(IllegalArgumentException.class, () -> from("--seeds", "6"));
        assertThrows(IllegalArgumentException.class, () -> from("--seeds", "0"));
    }

    @Test
    void shouldDescribeEachArmsSettingsInWords() {
        var arms = DemoExperiment.ARMS;

        assertEquals("anchor policy replace, feedback off", arms.get(0).describe());
        assertEquals("anchor policy ratio, anchor ratio 0.1, feedback off", arms.get(1).describe());
        assertEquals("anchor policy tail-preserving, anchor ratio 0.1, carry-over 0.6, candidates 3 per kept record,"
                + " temperature 1.0, top-p 1.0, feedback on", arms.get(2).describe());
        assertTrue(arms.get(2).feedback());
        assertTrue(!arms.get(0).feedback());
    }

    @Test
    void shouldGiveTheWholeExperimentTenMinutesUnlessTold() {
        var parse = (java.util.function.Function<List<String>, Duration>) args -> CliArguments
                .parse(args, java.util.Set.of("timeout")).duration("timeout", DemoCommand.DEFAULT_TIMEOUT);

        assertEquals(Duration.ofMinutes(30), parse.apply(List.of()));
        assertEquals(Duration.ofMinutes(25), parse.apply(List.of("--timeout", "25")));
        assertEquals(Duration.ofSeconds(90), parse.apply(List.of("--timeout", "90s")));
        assertEquals(Duration.ofHours(1), parse.apply(List.of("--timeout=1h")));
        assertThrows(IllegalArgumentException.class, () -> parse.apply(List.of("--timeout", "0")));
        assertThrows(IllegalArgumentException.class, () -> parse.apply(List.of("--timeout", "soon")));
    }
}
