package dev.longtail.generator;

import static dev.longtail.devstack.testing.AuthTestKit.assertGuarded;
import static dev.longtail.devstack.testing.AuthTestKit.assertOpen;

import dev.longtail.devstack.testing.AuthTestKit;
import dev.longtail.devstack.testing.AuthTestKit.Endpoint;
import dev.longtail.devstack.testing.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every endpoint group of the generator, its OpenAI-compatible /v1 included, answers 401 without a valid token and
 * 403 with the wrong role; changing a campaign's generation settings takes an admin.
 */
@QuarkusTest
@TestProfile(AuthTest.PermissionsOn.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "generator"))
class AuthTest {

    /** The path permissions of application.properties, on, with a key pair made for this run. */
    public static class PermissionsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return AuthTestKit.enforcing("admin", "api", "settings", "settings-read");
        }
    }

    private static final String ID = "00000000-0000-0000-0000-000000000001";

    static final List<Endpoint> ENDPOINTS = AuthTestKit.withAdminEndpoints(List.of(
            new Endpoint("POST", "/api/v1/generate", "client"),
            new Endpoint("POST", "/api/v1/generation-jobs", "client"),
            new Endpoint("GET", "/api/v1/generation-jobs/" + ID, "client"),
            new Endpoint("GET", "/api/v1/generation-jobs/" + ID + "/samples", "client"),
            new Endpoint("DELETE", "/api/v1/generation-jobs/" + ID, "client"),
            new Endpoint("GET", "/api/v1/backends", "client"),
            new Endpoint("GET", "/api/v1/backends/embedded", "client"),
            new Endpoint("GET", "/api/v1/backends/embedded/health", "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/usage", "client"),
            new Endpoint("GET", "/api/v1/templates", "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/generation-settings", "client"),
            new Endpoint("PUT", "/api/v1/campaigns/" + ID + "/generation-settings", "admin"),
            new Endpoint("DELETE", "/api/v1/campaigns/" + ID + "/generation-settings", "admin"),
            new Endpoint("GET", "/v1/models", "client"),
            new Endpoint("POST", "/v1/chat/completions", "client"),
            new Endpoint("POST", "/v1/completions", "client")));

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENDPOINTS")
    void shouldAdmitOnlyValidTokensWithTheRightRole(Endpoint endpoint) {
        assertGuarded(endpoint);
    }

    @Test
    void shouldLeaveHealthOpen() {
        assertOpen("/q/health/ready");
    }
}
