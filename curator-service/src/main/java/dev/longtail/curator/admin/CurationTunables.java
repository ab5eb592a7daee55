package dev.longtail.curator.admin;

import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.curator.decision.CurationSettings;
import dev.longtail.support.admin.InvalidSettingException;
import dev.longtail.support.admin.RuntimeTunables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The filter chain's thresholds and loop switches as runtime settings ({@code /admin/config}, and
 * {@code /admin/curation/thresholds} for these keys only): stored in the database, in force on every replica.
 */
@ApplicationScoped
public class CurationTunables implements RuntimeTunables {

    private final CurationSettings settings;
    private final CurationSessions sessions;

    public CurationTunables(CurationSettings settings, CurationSessions sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @Override
    public Map<String, Object> startupValues() {
        return settings.startupView();
    }

    @Override
    public void validate(Map<String, Object> values) {
        try {
            settings.parse(values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(keyNamedIn(e.getMessage(), values), e.getMessage());
        }
    }

    @Override
    public void apply(Map<String, Object> values) {
        var before = settings.set(settings.parse(values)).filters();
        if (!settings.current().filters().sameHashing(before)) {
            // signatures of cached campaigns no longer compare with new ones: rebuild them from the database
            sessions.forgetAll();
        }
    }

    /** The first key the chain's message names (its messages name the offending field); else "thresholds". */
    private static String keyNamedIn(String message, Map<String, Object> values) {
        String text = message == null ? "" : message;
        return values.keySet().stream()
                .map(k -> Map.entry(k, Pattern.compile("\\b" + Pattern.quote(k) + "\\b").matcher(text)))
                .filter(e -> e.getValue().find())
                .min(Comparator.comparingInt(e -> e.getValue().start()))
                .map(Map.Entry::getKey).orElse("thresholds");
    }
}
