package dev.longtail.evolver.campaign;

/**
 * Where a campaign is: generations still to run, held by an operator (no new generation starts; the one in flight
 * finishes), all done, stopped by a failure (its failed generation can be retried), or stopped for good by an operator.
 */
public enum CampaignStatus {
    RUNNING,
    PAUSED,
    COMPLETED,
    FAILED,
    CANCELLED
}
