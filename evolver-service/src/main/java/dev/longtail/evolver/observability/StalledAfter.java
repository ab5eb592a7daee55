package dev.longtail.evolver.observability;

import dev.longtail.support.admin.InvalidSettingException;
import dev.longtail.support.admin.TypedTunables;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/** How long a running campaign may go without progress before it counts as stalled, as a runtime setting. */
@Singleton // not a client proxy: TypedTunables has no no-args constructor
public class StalledAfter extends TypedTunables<Duration> {

    static final String KEY = "campaigns.stalledAfterSeconds";

    public StalledAfter(ObservabilityConfig config) {
        super(config.stalledAfter());
    }

    @Override
    public Map<String, Object> startupValues() {
        return Map.of(KEY, startup().toSeconds());
    }

    @Override
    protected Duration parse(Map<String, Object> values) {
        long seconds = InvalidSettingException.whole(KEY, values.get(KEY));
        if (seconds < 1) {
            throw new InvalidSettingException(KEY, "must be at least 1, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
