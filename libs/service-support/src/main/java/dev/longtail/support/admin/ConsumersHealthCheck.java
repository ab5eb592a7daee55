package dev.longtail.support.admin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * The state of the service's consumers ({@code /q/health/well}): DOWN while an operator's pause or drain holds any
 * of them, with each channel's state, records in flight and handled. A wellness check, not readiness: a paused pod
 * must stay reachable so that its consumers can be resumed.
 */
@Wellness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    private final ConsumerControl control;
    private final ConsumerTracker tracker;

    public ConsumersHealthCheck(ConsumerControl control, ConsumerTracker tracker) {
        this.control = control;
        this.tracker = tracker;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("consumers").status(!control.anyPaused());
        for (String channel : control.channels()) {
            var activity = tracker.activity(channel);
            response.withData(channel, (control.isPaused(channel) ? "paused" : "running") + ", in flight "
                    + activity.inFlight() + ", handled " + activity.handled() + ", failed " + activity.failed());
        }
        return response.build();
    }
}
