package dev.longtail.generator.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.longtail.generator.GeneratorConfig;
import dev.longtail.generator.embedded.EmbeddedBackend;
import dev.longtail.generator.openai.client.OpenAiBackend;

/**
 * Every backend this instance can use, by name: {@code embedded} always, plus one per configured
 * OpenAI-compatible server. Built once; each backend keeps its own limits and circuit breaker.
 */
@ApplicationScoped
public class BackendRegistry {

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class);

    private final Map<String, GenerationBackend> backends = new LinkedHashMap<>();
    private final String defaultBackend;

    public BackendRegistry(GeneratorConfig config, EmbeddedBackend embedded, ObjectMapper mapper, MeterRegistry meters) {
        backends.put(embedded.name(), embedded);
        new TreeMap<>(config.backends()).forEach((name, backend) -> {
            if (backends.containsKey(name)) {
                throw new IllegalStateException("longtail.generator.backends." + name + ": the name is taken");
            }
            backends.put(name, new OpenAiBackend(name, backend, mapper));
            // the key is deliberately absent from this line
            LOG.infof("Backend %s: %s model %s at %s (%s API)", name, "OpenAI-compatible", backend.model(),
                    backend.baseUrl(), backend.api());
        });
        backends.values().forEach(backend -> {
            Gauge.builder("longtail.generator.backend.in.flight", backend.limiter(), BackendLimiter::inFlight)
                    .description("Requests to the backend running now").tag("backend", backend.name()).register(meters);
            Gauge.builder("longtail.generator.backend.waiting", backend.limiter(), BackendLimiter::waiting)
                    .description("Calls queued for one of the backend's concurrency slots").tag("backend", backend.name())
                    .register(meters);
        });
        this.defaultBackend = config.defaultBackend();
        if (!backends.containsKey(defaultBackend)) {
            throw new IllegalStateException("longtail.generator.default-backend=" + defaultBackend
                    + " is not configured; known: " + backends.keySet());
        }
    }

    public Optional<GenerationBackend> find(String name) {
        return Optional.ofNullable(backends.get(name));
    }

    /** The named backend, or the default one when {@code name} is null or blank. */
    public Optional<GenerationBackend> resolve(String name) {
        return find(name == null || name.isBlank() ? defaultBackend : name);
    }

    public String defaultName() {
        return defaultBackend;
    }

    public List<GenerationBackend> all() {
        return new ArrayList<>(backends.values());
    }
}
