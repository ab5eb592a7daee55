package dev.longtail.generator.backend;

/**
 * What a backend's probe found: whether it answers, the circuit breaker's state (CLOSED, OPEN, HALF_OPEN, or
 * NONE for the embedded backend), the probe's latency and the last failure's reason.
 */
public record BackendHealth(boolean healthy, String circuitBreaker, long probeMillis, String detail) {
}
