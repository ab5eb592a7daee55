package dev.longtail.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import dev.longtail.support.auth.Roles;
import dev.longtail.support.auth.TokenKeys;
import dev.longtail.support.auth.TokenMinter;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the services' auth tests share: a key pair made at the first use in the JVM (never a committed key), the
 * configuration that turns a service's path permissions on with it, tokens signed with it (and with another key,
 * and expired), and the five checks every endpoint group must pass: 401 without a token, with a token of another
 * key and with an expired one; 403 with a role the path does not allow; neither with the role it does.
 */
public final class AuthTestKit {

    /** A Problem Details body, as every 401 and 403 has. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** A role no path allows. */
    public static final String NO_ROLE = "nobody";

    // Quarkus loads this class once per application class loader; the keys live in system properties so that the
    // test profile (configuring the service) and the test (minting) use the same pair.
    private static final String PRIVATE_KEY_PROPERTY = "longtail.test.auth.private-key";
    private static final String PUBLIC_KEY_PROPERTY = "longtail.test.auth.public-key";
    private static final String SERVICE_TOKEN_PROPERTY = "longtail.test.auth.service-token";
    private static final Object LOCK = "dev.longtail.devstack.testing.AuthTestKit.lock".intern();

    private AuthTestKit() {
    }

    /**
     * An endpoint group: one method and path (ids filled in), the least role that may call it, and the media type it
     * takes (the permission is checked once Quarkus REST has matched the endpoint, after content negotiation).
     */
    public record Endpoint(String method, String path, String role, String contentType) {
        public Endpoint(String method, String path, String role) {
            this(method, path, role, "application/json");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + role + ")";
        }
    }

    /**
     * The test profile's config overrides: the named permissions of the service's application.properties on
     * (those {@code %test} turns off), verified with this JVM's test key; the evaluator signs with its private key.
     */
    public static Map<String, String> enforcing(String... permissions) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String permission : permissions) {
            config.put("quarkus.http.auth.permission." + permission + ".enabled", "true");
        }
        config.put("mp.jwt.verify.publickey", keys()[1]);
        config.put("smallrye.jwt.sign.key", keys()[0]);
        return config;
    }

    /** A token of the test key with these roles, valid for an hour. */
    public static String token(String... roles) {
        return TokenMinter.of(privateKey()).mint("auth-test", Set.of(roles), Duration.ofHours(1));
    }

    /** One client token per JVM: what a service under test sends to the peers it calls (longtail.auth.service-token). */
    public static String serviceToken() {
        synchronized (LOCK) {
            if (System.getProperty(SERVICE_TOKEN_PROPERTY) == null) {
                System.setProperty(SERVICE_TOKEN_PROPERTY, token(Roles.CLIENT));
            }
            return System.getProperty(SERVICE_TOKEN_PROPERTY);
        }
    }

    /** The same token, signed by a key the service does not know. */
    public static String foreignToken(String... roles) {
        return TokenMinter.of(TokenKeys.generate().getPrivate()).mint("auth-test", Set.of(roles), Duration.ofHours(1));
    }

    /** A token of the test key that expired ten minutes ago (beyond any clock skew the service allows). */
    public static String expiredToken(String... roles) {
        return TokenMinter.of(privateKey()).mintExpired("auth-test", Set.of(roles), Duration.ofMinutes(10));
    }

    /** A role the endpoint's path does not allow. */
    public static String wrongRole(Endpoint endpoint) {
        return switch (endpoint.role()) {
            case Roles.ADMIN -> Roles.CLIENT;
            case Roles.CLIENT -> Roles.DATASET_READER;
            default -> NO_ROLE;
        };
    }

    /** The roles that may call the endpoint: its own and those above it. */
    public static List<String> rightRoles(Endpoint endpoint) {
        return switch (endpoint.role()) {
            case Roles.ADMIN -> List.of(Roles.ADMIN);
            case Roles.CLIENT -> List.of(Roles.CLIENT, Roles.ADMIN);
            default -> List.of(endpoint.role(), Roles.CLIENT, Roles.ADMIN);
        };
    }

    /**
     * The admin endpoints every service has (libs/service-support's admin kit), role {@code admin}. The consumer
     * commands name a channel no service has, so an allowed call changes nothing (404) while the test runs.
     */
    public static final List<Endpoint> ADMIN_ENDPOINTS = List.of(
            new Endpoint("GET", "/admin/config", "admin"),
            new Endpoint("PATCH", "/admin/config", "admin"),
            new Endpoint("GET", "/admin/config/audit", "admin"),
            new Endpoint("GET", "/admin/consumers", "admin"),
            new Endpoint("POST", "/admin/consumers/pause?channel=no-such-channel", "admin"),
            new Endpoint("POST", "/admin/consumers/resume?channel=no-such-channel", "admin"),
            new Endpoint("POST", "/admin/consumers/drain?channel=no-such-channel&timeoutSeconds=1", "admin"),
            new Endpoint("GET", "/admin/dead-letters", "admin"),
            new Endpoint("GET", "/admin/dead-letters/00000000-0000-0000-0000-000000000001", "admin"),
            new Endpoint("POST", "/admin/dead-letters/00000000-0000-0000-0000-000000000001/replay", "admin"),
            new Endpoint("DELETE", "/admin/dead-letters/00000000-0000-0000-0000-000000000001", "admin"),
            new Endpoint("GET", "/admin/caches", "admin"),
            new Endpoint("POST", "/admin/caches/evict?campaign=00000000-0000-0000-0000-000000000001", "admin"));

    /** A service's own endpoint groups followed by the admin endpoints every service has. */
    public static List<Endpoint> withAdminEndpoints(List<Endpoint> own) {
        List<Endpoint> all = new java.util.ArrayList<>(own);
        all.addAll(ADMIN_ENDPOINTS);
        return List.copyOf(all);
    }

    /** Asserts that a path answers 200 without any token (health, metrics). */
    public static void assertOpen(String path) {
        given().when().get(path).then().statusCode(200);
    }

    /** Asserts all five answers of one endpoint group. */
    public static void assertGuarded(Endpoint endpoint) {
        assertUnauthorized(endpoint, null);
        assertUnauthorized(endpoint, foreignToken(rightRoles(endpoint).get(0)));
        assertUnauthorized(endpoint, expiredToken(rightRoles(endpoint).get(0)));
        assertForbidden(endpoint, token(wrongRole(endpoint)));
        for (String role : rightRoles(endpoint)) {
            assertAllowed(endpoint, token(role));
        }
    }

    /** 401 with a Problem Details body; OpenAI's error body on the generator's OpenAI-compatible /v1, for its clients. */
    public static void assertUnauthorized(Endpoint endpoint, String token) {
        var answer = send(endpoint, token).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        if (openAi(endpoint)) {
            answer.body("error.code", equalTo("invalid_api_key"));
        } else {
            answer.contentType(startsWith(PROBLEM_JSON)).body("status", equalTo(401));
        }
    }

    public static void assertForbidden(Endpoint endpoint, String token) {
        var answer = send(endpoint, token).then().statusCode(403);
        if (openAi(endpoint)) {
            answer.body("error.code", equalTo("insufficient_role"));
        } else {
            answer.contentType(startsWith(PROBLEM_JSON)).body("status", equalTo(403));
        }
    }

    private static boolean openAi(Endpoint endpoint) {
        return endpoint.path().startsWith("/v1/");
    }

    /** Any answer but 401, 403 or a server error: the request got past the permission check. */
    public static void assertAllowed(Endpoint endpoint, String token) {
        send(endpoint, token).then().statusCode(allOf(not(oneOf(401, 403)), lessThan(500)));
    }

    private static io.restassured.response.Response send(Endpoint endpoint, String token) {
        RequestSpecification request = given().accept("*/*");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (endpoint.contentType().startsWith("multipart/")) {
            request = request.multiPart("file", "{}");
        } else if (Arrays.asList("POST", "PUT", "PATCH").contains(endpoint.method())) {
            // bytes: REST Assured encodes strings only for the media types it knows
            request = request.contentType(endpoint.contentType()).body("{}".getBytes(StandardCharsets.UTF_8));
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    /** [private key PEM, public key PEM], made once per JVM. */
    private static String[] keys() {
        synchronized (LOCK) {
            if (System.getProperty(PRIVATE_KEY_PROPERTY) == null) {
                KeyPair pair = TokenKeys.generate();
                System.setProperty(PUBLIC_KEY_PROPERTY, TokenKeys.pem(pair.getPublic()));
                System.setProperty(PRIVATE_KEY_PROPERTY, TokenKeys.pem(pair.getPrivate()));
            }
            return new String[] {System.getProperty(PRIVATE_KEY_PROPERTY), System.getProperty(PUBLIC_KEY_PROPERTY)};
        }
    }

    private static PrivateKey privateKey() {
        return TokenKeys.privateKey(keys()[0]);
    }
}
