package dev.longtail.support.auth;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * A service's own credentials for calling another Longtail service ({@code longtail.auth.*}). Verification is
 * SmallRye JWT's own configuration ({@code mp.jwt.verify.*}); see docs/security.md.
 */
@ConfigMapping(prefix = "longtail.auth")
public interface AuthConfig {

    /**
     * The bearer token this service sends when it calls another service's API (a {@code client} token, from a
     * Secret: {@code LONGTAIL_AUTH_SERVICE_TOKEN}). Absent: calls carry no token, as in tests where the permissions
     * are off.
     */
    Optional<String> serviceToken();
}
