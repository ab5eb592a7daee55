package dev.longtail.evolver.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The evolver's health and metrics settings ({@code longtail.observability.*}). */
@ConfigMapping(prefix = "longtail.observability")
public interface ObservabilityConfig {

    /**
     * How long a running campaign may go without progress (a generation started, published, sealed or evaluated)
     * before the {@code stalled-campaigns} check reports it; at run time: {@code campaigns.stalledAfterSeconds}.
     */
    @WithDefault("30m")
    Duration stalledAfter();

    /** How often the campaign and generation metrics are read from the database. */
    @WithDefault("15s")
    String metricsRefreshEvery();
}
