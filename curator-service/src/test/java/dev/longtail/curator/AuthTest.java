package dev.longtail.curator;

import static dev.longtail.devstack.testing.AuthTestKit.assertGuarded;
import static io.restassured.RestAssured.given;

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

/** Every endpoint group of the curator answers 401 without a valid token, 403 with the wrong role. */
@QuarkusTest
@TestProfile(AuthTest.PermissionsOn.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class AuthTest {

    /** The path permissions of application.properties, on, with a key pair made for this run. */
    public static class PermissionsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return AuthTestKit.enforcing("admin", "api");
        }
    }

    private static final String ID = "00000000-0000-0000-0000-000000000001";

    static final List<Endpoint> ENDPOINTS = AuthTestKit.withAdminEndpoints(List.of(
            new Endpoint("GET", "/admin/curation/thresholds", "admin"),
            new Endpoint("PATCH", "/admin/curation/thresholds", "admin"),
            new Endpoint("PUT", "/admin/curation/thresholds", "admin"),
            new Endpoint("GET", "/admin/campaigns/" + ID + "/anchor-policy", "admin"),
            new Endpoint("PUT", "/admin/campaigns/" + ID + "/anchor-policy", "admin"),
            new Endpoint("DELETE", "/admin/campaigns/" + ID + "/anchor-policy", "admin"),
            new Endpoint("POST", "/api/v1/curate", "client"),
            new Endpoint("POST", "/api/v1/select", "client"),
            new Endpoint("GET", "/api/v1/decisions/" + ID, "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/decisions", "client"),
            new Endpoint("GET", "/api/v1/datasets?campaignId=" + ID, "client"),
            new Endpoint("GET", "/api/v1/datasets/" + ID, "client"),
            new Endpoint("GET", "/api/v1/datasets/" + ID + "/records", "client"),
            new Endpoint("GET", "/api/v1/datasets/" + ID + "/counts", "client"),
            new Endpoint("GET", "/api/v1/datasets/" + ID + "/decisions", "client"),
            new Endpoint("GET", "/api/v1/datasets/" + ID + "/export", "client")));

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENDPOINTS")
    void shouldAdmitOnlyValidTokensWithTheRightRole(Endpoint endpoint) {
        assertGuarded(endpoint);
    }

    @Test
    void shouldLeaveHealthOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
