package dev.longtail.support.admin;

/** A runtime setting's value that is not allowed, with the setting's key and why. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The number in {@code value}, or an exception naming {@code key}. */
    public static double number(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new InvalidSettingException(key, "must be a number, was " + value);
    }

    /** The whole number in {@code value}, or an exception naming {@code key}. */
    public static long whole(String key, Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new InvalidSettingException(key, "must be a whole number, was " + value);
    }

    /** The boolean in {@code value}, or an exception naming {@code key}. */
    public static boolean bool(String key, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new InvalidSettingException(key, "must be true or false, was " + value);
    }
}
