package dev.longtail.support.auth;

/**
 * The roles a Longtail bearer token may carry (its {@code groups} claim), as the services' path-based permissions
 * name them in application.properties.
 */
public final class Roles {

    /** Admin endpoints ({@code /admin/*}) and settings; may call the client APIs too. */
    public static final String ADMIN = "admin";
    /** The APIs ({@code /api/*}) and the generator's OpenAI-compatible endpoints ({@code /v1/*}). */
    public static final String CLIENT = "client";
    /** Reads one dataset version's records from the evaluator, nothing else: a downstream Job's scoped token. */
    public static final String DATASET_READER = "dataset-reader";

    /** The issuer every service expects ({@code mp.jwt.verify.issuer}) unless configured otherwise. */
    public static final String ISSUER = "longtail";

    private Roles() {
    }
}
