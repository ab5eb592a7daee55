package dev.longtail.evolver.observability;

import dev.longtail.support.admin.InvalidSettingException;
import dev.longtail.support.admin.RuntimeTunables;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/** How long a running campaign may go without progress before it counts as stalled, as a runtime setting. */
@ApplicationScoped
public class StalledAfter implements RuntimeTunables {

    static final String KEY = "campaigns.stalledAfterSeconds";

    private final Duration startup;
    private volatile Duration current;

    public StalledAfter(ObservabilityConfig config) {
        this.startup = config.stalledAfter();
        this.current = startup;
    }

    public Duration current() {
        return current;
    }

    @Override
    public Map<String, Object> startupValues() {
        return Map.of(KEY, startup.toSeconds());
    }

    @Override
    public void validate(Map<String, Object> values) {
        parse(values);
    }

    @Override
    public void apply(Map<String, Object> values) {
        current = parse(values);
    }

    private static Duration parse(Map<String, Object> values) {
        long seconds = InvalidSettingException.whole(KEY, values.get(KEY));
        if (seconds < 1) {
            throw new InvalidSettingException(KEY, "must be at least 1, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
