package dev.longtail.evolver.experiment;

import static dev.longtail.evolver.campaign.CampaignStatus.CANCELLED;
import static dev.longtail.evolver.campaign.CampaignStatus.COMPLETED;
import static dev.longtail.evolver.campaign.CampaignStatus.FAILED;
import static dev.longtail.evolver.campaign.CampaignStatus.PAUSED;
import static dev.longtail.evolver.campaign.CampaignStatus.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExperimentViewsTest {

    @Test
    void shouldKeepAnExperimentRunningWhileOneOfItsCampaignsIsPaused() {
        assertEquals(RUNNING, ExperimentViews.statusOf(List.of(COMPLETED, PAUSED)));
        assertEquals(RUNNING, ExperimentViews.statusOf(List.of(CANCELLED, PAUSED)));
    }

    @Test
    void shouldEndAnExperimentCancelledWhenACampaignWasCancelledAndNoneRunsOrFailed() {
        assertEquals(CANCELLED, ExperimentViews.statusOf(List.of(COMPLETED, CANCELLED)));
        assertEquals(FAILED, ExperimentViews.statusOf(List.of(CANCELLED, FAILED, RUNNING)));
        assertEquals(COMPLETED, ExperimentViews.statusOf(List.of(COMPLETED, COMPLETED)));
    }
}
