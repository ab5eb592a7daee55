package dev.longtail.support.admin;

import java.util.Map;

/**
 * A group of runtime settings read into one typed value: {@link #parse} checks a complete set of the group's values
 * and builds it (or throws {@link InvalidSettingException}); the value in force is {@link #current()}. Subclasses are
 * {@code @Singleton} beans (a normal-scoped bean's proxy would need a no-args constructor).
 */
public abstract class TypedTunables<T> implements RuntimeTunables {

    private final T startup;
    private volatile T current;

    protected TypedTunables(T startup) {
        this.startup = startup;
        this.current = startup;
    }

    /** The value in force now. */
    public T current() {
        return current;
    }

    /** The value from the start-up configuration. */
    protected T startup() {
        return startup;
    }

    /** The typed value of a complete set of the group's values; {@link InvalidSettingException} naming a bad key. */
    protected abstract T parse(Map<String, Object> values);

    @Override
    public void validate(Map<String, Object> values) {
        parse(values);
    }

    @Override
    public void apply(Map<String, Object> values) {
        current = parse(values);
    }
}
