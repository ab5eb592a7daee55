package dev.longtail.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The progress line and the campaign lists the demo prints while the experiment runs. */
class ExperimentProgressTest {

    @Test
    void shouldShowTheEarliestUnfinishedGenerationAndHowManyCampaignsOfEachArmCompletedIt() {
        // control 3, 4, 3; common-practice 3, 2, 3; longtail 2, 3, 2 generations completed
        ObjectNode experiment = Fixtures.json("experiment-running.json");

        assertEquals("generation 3/5: control 3/3 campaigns, common-practice 2/3, longtail 1/3",
                ExperimentProgress.line(experiment));
    }

    @Test
    void shouldStartAtTheFirstGenerationAndEndAtTheLast() {
        assertEquals("generation 1/5: control 0/3 campaigns, common-practice 0/3, longtail 0/3",
                ExperimentProgress.line(Fixtures.experimentAt(0, "RUNNING", "RUNNING")));
        assertEquals("generation 5/5: control 3/3 campaigns, common-practice 3/3, longtail 3/3",
                ExperimentProgress.line(Fixtures.experimentAt(5, "COMPLETED", "COMPLETED")));
    }

    @Test
    void shouldNameEachCampaignByArmSeedIdStatusAndGenerations() {
        ObjectNode experiment = Fixtures.json("experiment-running.json");

        List<String> unfinished = ExperimentProgress.campaigns(experiment, status -> !"COMPLETED".equals(status));

        assertEquals(9, unfinished.size());
        assertEquals("longtail seed 43 (campaign c3a2e5f4-0002-4e3c-9a4d-5b6c7d8e9f02, RUNNING, 3/5 generations)",
                unfinished.get(7));
        assertEquals(List.of(), ExperimentProgress.campaigns(experiment, "FAILED"::equals));
    }

    @Test
    void shouldFindAnArmsCampaignByItsRandomSeed() {
        ObjectNode experiment = Fixtures.json("experiment-running.json");

        assertEquals("b2f1d4e3-0001-4d2b-8f3c-4a5b6c7d8e01",
                ExperimentProgress.campaign(experiment, "common-practice", 42).path("campaignId").asText());
        assertThrows(IllegalStateException.class, () -> ExperimentProgress.campaign(experiment, "longtail", 45));
    }

    @Test
    void shouldSayATimeoutInMinutesWhenItIsWholeMinutes() {
        assertEquals("10 min", ExperimentProgress.duration(Duration.ofMinutes(10)));
        assertEquals("90 s", ExperimentProgress.duration(Duration.ofSeconds(90)));
    }
}
