package dev.longtail.evolver;

import static dev.longtail.devstack.testing.AuthTestKit.assertGuarded;
import static dev.longtail.devstack.testing.AuthTestKit.assertOpen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.devstack.testing.AuthTestKit;
import dev.longtail.devstack.testing.AuthTestKit.Endpoint;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.campaign.GeneratorBackends;
import dev.longtail.evolver.experiment.EvaluatorReports;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every endpoint group of the evolver answers 401 without a valid token and 403 with the wrong role; the evolver's
 * own calls to the generator and the evaluator carry its service token.
 */
@QuarkusTest
@TestProfile(AuthTest.PermissionsOn.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evolver"))
class AuthTest {

    /** The path permissions on, a key pair made for this run, and peers that insist on the service token. */
    public static class PermissionsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(AuthTestKit.enforcing("admin", "api"));
            config.put("longtail.auth.service-token", AuthTestKit.serviceToken());
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TokenCheckingPeers.class));
        }
    }

    private static final String ID = "00000000-0000-0000-0000-000000000001";

    static final List<Endpoint> ENDPOINTS = AuthTestKit.withAdminEndpoints(List.of(
            new Endpoint("POST", "/api/v1/seed-sets", "client", "application/x-ndjson"),
            new Endpoint("GET", "/api/v1/seed-sets", "client"),
            new Endpoint("GET", "/api/v1/seed-sets/" + ID, "client"),
            new Endpoint("POST", "/api/v1/campaigns", "client"),
            new Endpoint("GET", "/api/v1/campaigns", "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID, "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/seeds", "client"),
            new Endpoint("GET", "/api/v1/campaigns/" + ID + "/pool/stats", "client"),
            new Endpoint("POST", "/api/v1/campaigns/" + ID + "/pause", "client"),
            new Endpoint("POST", "/api/v1/campaigns/" + ID + "/resume", "client"),
            new Endpoint("POST", "/api/v1/campaigns/" + ID + "/cancel", "client"),
            new Endpoint("POST", "/api/v1/campaigns/" + ID + "/generations/1/retry", "client"),
            new Endpoint("POST", "/api/v1/campaigns/" + ID + "/fork", "client"),
            new Endpoint("GET", "/api/v1/seeds/" + ID + "/lineage", "client"),
            new Endpoint("POST", "/api/v1/evolve", "client"),
            new Endpoint("GET", "/api/v1/operators", "client"),
            new Endpoint("POST", "/api/v1/experiments", "client"),
            new Endpoint("GET", "/api/v1/experiments", "client"),
            new Endpoint("GET", "/api/v1/experiments/" + ID, "client"),
            new Endpoint("GET", "/api/v1/experiments/" + ID + "/report", "client"),
            new Endpoint("GET", "/api/v1/experiments/" + ID + "/report.html", "client")));

    @Inject
    GeneratorBackends generator;

    @Inject
    EvaluatorReports evaluator;

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
    void shouldCallTheGeneratorWithItsServiceToken() {
        // the peer answers 401 to a call without the token, which the evolver takes as no answer
        assertEquals(GeneratorBackends.Answer.KNOWN, generator.check("embedded"));
        assertEquals(GeneratorBackends.Answer.UNKNOWN, generator.check("nonexistent"));
    }

    @Test
    void shouldCallTheEvaluatorWithItsServiceToken() {
        // 404 (no report yet) only with the token; a 401 would be a 503 problem
        assertTrue(evaluator.report(UUID.randomUUID()).isEmpty());
    }
}
