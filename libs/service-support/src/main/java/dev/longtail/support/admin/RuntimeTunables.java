package dev.longtail.support.admin;

import java.util.Map;

/**
 * A group of settings a service lets operators tune at run time through {@code /admin/config}. {@link RuntimeConfig}
 * stores the changed values in the service's database, audits them, and puts them in force on every replica.
 */
public interface RuntimeTunables {

    /** Every key of the group with its start-up value (a JSON number, boolean or string). */
    Map<String, Object> startupValues();

    /**
     * Checks a complete set of the group's values (the current ones with a change applied); throws
     * {@link InvalidSettingException} naming the first bad key. Must not change anything.
     */
    void validate(Map<String, Object> values);

    /** Puts a complete, validated set of the group's values in force in this instance. */
    void apply(Map<String, Object> values);
}
