package dev.longtail.generator.admin;

import dev.longtail.generator.backend.BackendRegistry;
import dev.longtail.generator.backend.GenerationBackend;
import dev.longtail.generator.openai.client.OpenAiBackend;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness data: the circuit breaker state of every backend (CLOSED, OPEN, HALF_OPEN; {@code none} for the embedded
 * model). DOWN while the default backend's circuit is OPEN: campaigns that name no backend cannot be served then. An
 * open circuit of another backend is reported but leaves the generator ready for the rest.
 */
@Readiness
@ApplicationScoped
public class BackendCircuitsHealthCheck implements HealthCheck {

    private final BackendRegistry backends;

    public BackendCircuitsHealthCheck(BackendRegistry backends) {
        this.backends = backends;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("generation-backends");
        boolean up = true;
        for (GenerationBackend backend : backends.all()) {
            String state = backend instanceof OpenAiBackend remote ? remote.circuitBreakerState() : "none";
            response.withData(backend.name(), state);
            if (backend.name().equals(backends.defaultName()) && "OPEN".equals(state)) {
                up = false;
            }
        }
        return response.withData("default", backends.defaultName()).status(up).build();
    }
}
