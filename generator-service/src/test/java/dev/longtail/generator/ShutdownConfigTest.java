package dev.longtail.generator;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The configured wait for running requests at shutdown fits Kubernetes' default grace period: without
 * {@code quarkus.shutdown.timeout} Quarkus closes the HTTP server at once, and the token usage of calls that finish
 * afterwards missed the flush. The draining itself is {@link ShutdownDrainTest}'s.
 */
class ShutdownConfigTest {

    @Test
    void shouldWaitForRunningRequestsAtShutdownLongEnoughForACallAndShortEnoughForKubernetesGracePeriod() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        String timeout = properties.getProperty("quarkus.shutdown.timeout");
        assertNotNull(timeout, "quarkus.shutdown.timeout is set, so Quarkus drains requests before the ShutdownEvent");
        Duration drain = new DurationConverter().convert(timeout);
        assertTrue(drain.compareTo(Duration.ofSeconds(5)) >= 0, "long enough for a call to finish: " + drain);
        assertTrue(drain.compareTo(Duration.ofSeconds(25)) <= 0,
                "leaves time for the flush within the 30 s before Kubernetes kills the pod: " + drain);
    }
}
