package dev.longtail.evolver.observability;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code stalled-campaigns} ({@code /q/health/well}): DOWN while a running campaign has made no progress (no
 * generation started, published, sealed or evaluated) for longer than {@code campaigns.stalledAfterSeconds}; the data
 * names each stalled campaign, its generation and its last progress. A wellness check: a stalled campaign waits on
 * another service, and taking the evolver out of its Service would not help it.
 */
@Wellness
@ApplicationScoped
public class StalledCampaignsHealthCheck implements HealthCheck {

    private final EvolverMetrics metrics;
    private final StalledAfter stalledAfter;

    public StalledCampaignsHealthCheck(EvolverMetrics metrics, StalledAfter stalledAfter) {
        this.metrics = metrics;
        this.stalledAfter = stalledAfter;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("stalled-campaigns")
                .withData("stalledAfterSeconds", stalledAfter.current().toSeconds());
        Instant now = Instant.now();
        boolean up = true;
        try {
            for (var campaign : metrics.running()) {
                if (campaign.stalled(now, stalledAfter.current())) {
                    up = false;
                    response.withData(campaign.campaignId(), "generation " + campaign.generation()
                            + ", last progress " + campaign.lastProgress());
                }
            }
        } catch (RuntimeException e) {
            return response.down().withData("error", "campaigns not readable: " + e.getMessage()).build();
        }
        return response.status(up).build();
    }
}
