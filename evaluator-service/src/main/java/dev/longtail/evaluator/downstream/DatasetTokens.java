package dev.longtail.evaluator.downstream;

import dev.longtail.support.auth.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The scoped token a downstream Job downloads its dataset version with: role {@code dataset-reader} only, bound to
 * one version (claim {@value #VERSION_CLAIM}), valid for the Job's timeout plus a margin. Signed with the key at
 * {@code smallrye.jwt.sign.key.location} (the evaluator is the only service that holds it; docs/security.md).
 */
@ApplicationScoped
public class DatasetTokens {

    /** The one dataset version a {@code dataset-reader} token may read. */
    public static final String VERSION_CLAIM = "dataset-version";
    /** Beyond the Job's own deadline: the pod may start late (image pull, scheduling). */
    static final Duration MARGIN = Duration.ofMinutes(10);

    private final String issuer;

    public DatasetTokens(@ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = Roles.ISSUER) String issuer) {
        this.issuer = issuer;
    }

    /** A token that reads {@code datasetVersionId}'s records for {@code jobTimeout} plus {@link #MARGIN}. */
    public String mint(UUID datasetVersionId, Duration jobTimeout) {
        return Jwt.issuer(issuer)
                .subject("downstream-job/" + datasetVersionId)
                .upn("downstream-job/" + datasetVersionId)
                .groups(Roles.DATASET_READER)
                .claim(VERSION_CLAIM, datasetVersionId.toString())
                .expiresIn(jobTimeout.plus(MARGIN))
                .sign();
    }

    /**
     * Whether the caller may read {@code datasetVersionId}: a token with only {@code dataset-reader} must name that
     * version; a client or admin token (or none, where the permissions are off) may read any.
     */
    public static boolean allows(JsonWebToken caller, UUID datasetVersionId) {
        var groups = caller.getGroups();
        if (groups == null || groups.isEmpty() || groups.contains(Roles.CLIENT) || groups.contains(Roles.ADMIN)) {
            return true;
        }
        Object claim = caller.getClaim(VERSION_CLAIM);
        String version = claim instanceof JsonString text ? text.getString() : String.valueOf(claim);
        return datasetVersionId.toString().equals(version);
    }
}
