package dev.longtail.evaluator;

import static dev.longtail.devstack.testing.AuthTestKit.assertAllowed;
import static dev.longtail.devstack.testing.AuthTestKit.assertForbidden;
import static dev.longtail.devstack.testing.AuthTestKit.assertGuarded;
import static dev.longtail.devstack.testing.AuthTestKit.assertOpen;

import dev.longtail.devstack.testing.AuthTestKit;
import dev.longtail.devstack.testing.AuthTestKit.Endpoint;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evaluator.downstream.DatasetTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every endpoint group of the evaluator answers 401 without a valid token and 403 with the wrong role; the scoped
 * token the evaluator mints for a downstream Job reads its own dataset version's records and nothing else.
 */
@QuarkusTest
@TestProfile(AuthTest.PermissionsOn.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class AuthTest {

    /** The path permissions on, with a key pair made for this run (the evaluator signs with its private key). */
    public static class PermissionsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(AuthTestKit.enforcing("admin", "api", "dataset-records"));
            // no embeddings: only the default profile's application loads the ONNX runtime (one class loader per JVM)
            config.put("longtail.evaluator.metrics.embedding-sample", "0");
            return config;
        }
    }

    private static final String ID = "00000000-0000-0000-0000-000000000001";

    static final List<Endpoint> ENDPOINTS = AuthTestKit.withAdminEndpoints(List.of(
            new Endpoint("POST", "/api/v1/evaluations", "client", "multipart/form-data"),
            new Endpoint("GET", "/api/v1/evaluations/" + ID, "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/report", "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/report.html", "client"),
            // a dataset-reader token reads only the version it names (the scoped tests below): for any other, 403
            new Endpoint("GET", "/api/v1/dataset-versions/" + ID + "/records.jsonl", "client")));

    @Inject
    DatasetTokens datasetTokens;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENDPOINTS")
    void shouldAdmitOnlyValidTokensWithTheRightRole(Endpoint endpoint) {
        assertGuarded(endpoint);
    }

    @Test
    void shouldLeaveHealthOpen() {
        assertOpen("/q/health/ready");
    }

    @Test
    void shouldLetAScopedTokenReadOnlyItsOwnDatasetVersion() {
        UUID version = UUID.randomUUID();
        String token = datasetTokens.mint(version, Duration.ofMinutes(30));
        assertAllowed(new Endpoint("GET", "/api/v1/dataset-versions/" + version + "/records.jsonl", "dataset-reader"), token);
        assertForbidden(new Endpoint("GET", "/api/v1/dataset-versions/" + UUID.randomUUID() + "/records.jsonl",
                "dataset-reader"), token);
    }

    @Test
    void shouldKeepAScopedTokenAwayFromEveryOtherApi() {
        String token = datasetTokens.mint(UUID.randomUUID(), Duration.ofMinutes(30));
        assertForbidden(new Endpoint("GET", "/api/v1/campaigns/" + ID + "/report", "client"), token);
        assertForbidden(new Endpoint("POST", "/api/v1/evaluations", "client", "multipart/form-data"), token);
    }
}
