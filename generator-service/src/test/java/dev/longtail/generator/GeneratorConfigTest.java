package dev.longtail.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The typed configuration: defaults, and a backend with its key supplied by environment variables. */
class GeneratorConfigTest {

    @Test
    void shouldTakeABackendAndItsKeyFromEnvironmentVariablesAsAKubernetesSecretSuppliesThem() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GeneratorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(Map.of(
                        "LONGTAIL_GENERATOR_BACKENDS_VLLM_BASE_URL", "http://vllm:8000/v1",
                        "LONGTAIL_GENERATOR_BACKENDS_VLLM_MODEL", "llama",
                        "LONGTAIL_GENERATOR_BACKENDS_VLLM_API_KEY", "sk-from-secret"), 300))
                .build();
        var backend = config.getConfigMapping(GeneratorConfig.class).backends().get("vllm");
        assertEquals("http://vllm:8000/v1", backend.baseUrl());
        assertEquals(Optional.of("sk-from-secret"), backend.apiKey());
    }

    @Test
    void shouldDocumentSafeDefaultsForEveryBackendSetting() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GeneratorConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("longtail.generator.backends.ollama.base-url", "http://ollama:11434/v1")
                .withDefaultValue("longtail.generator.backends.ollama.model", "llama3")
                .build();
        var generator = config.getConfigMapping(GeneratorConfig.class);
        var backend = generator.backends().get("ollama");
        assertEquals(GeneratorConfig.Api.chat, backend.api());
        assertEquals(Duration.ofSeconds(60), backend.requestTimeout());
        assertEquals(4, backend.retry().maxRetries());
        assertEquals(4, backend.maxConcurrency());
        assertEquals(0, backend.tokensPerMinute());
        assertEquals(20, backend.circuitBreaker().requestVolumeThreshold());
        assertEquals(Optional.empty(), backend.apiKey());
        assertEquals("embedded", generator.defaultBackend());
        assertEquals(6, generator.selfInstruct().humanExamples());
    }
}
