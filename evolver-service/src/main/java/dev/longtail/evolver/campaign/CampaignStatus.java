package dev.longtail.evolver.campaign;

/** Where a campaign is: generations still to run, all done, or stopped by a failure. */
public enum CampaignStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
