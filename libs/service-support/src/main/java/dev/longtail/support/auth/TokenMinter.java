package dev.longtail.support.auth;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs Longtail bearer tokens (RS256 JWTs with {@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code iat},
 * {@code exp}, {@code jti}), as the services verify them. Plain jose4j, no Quarkus, so that the launcher can use it
 * too; the services' own minting (the evaluator's scoped dataset tokens) uses SmallRye JWT's builder.
 */
public final class TokenMinter {

    private final PrivateKey signingKey;
    private final String issuer;
    private final String keyId;

    public TokenMinter(PrivateKey signingKey, String issuer) {
        this(signingKey, issuer, null);
    }

    /**
     * A minter whose tokens name their key ({@code kid} header), so that services verifying with a JWK set of
     * several keys (during a key rotation) pick the right one.
     */
    public TokenMinter(PrivateKey signingKey, String issuer, String keyId) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.keyId = keyId;
    }

    /** A token minted with the issuer every service expects by default ({@link Roles#ISSUER}). */
    public static TokenMinter of(PrivateKey signingKey) {
        return new TokenMinter(signingKey, Roles.ISSUER);
    }

    /** A token for {@code subject} carrying {@code roles}, valid from now for {@code lifetime}. */
    public String mint(String subject, Set<String> roles, Duration lifetime) {
        return mint(subject, roles, NumericDate.now().getValue() + lifetime.toSeconds());
    }

    /** A token that expired {@code ago} (for tests of expired tokens). */
    public String mintExpired(String subject, Set<String> roles, Duration ago) {
        return mint(subject, roles, NumericDate.now().getValue() - ago.toSeconds());
    }

    private String mint(String subject, Set<String> roles, long expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token for " + subject, e);
        }
    }
}
