package dev.longtail.evolver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.support.testing.BadInputSuite;
import dev.longtail.support.testing.BadRequests;
import dev.longtail.support.testing.TableSnapshot;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the evolver under generated bad input: each case answers a 4xx problem, never a 5xx, and
 * no campaign, experiment or seed set is written.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class EvolverBadInputTest extends BadInputSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    private String seedSetId;

    @Override
    protected String service() {
        return "evolver";
    }

    @BeforeEach
    void uploadSeeds() {
        if (seedSetId == null) {
            seedSetId = Fixtures.uploadSeedSet("bad-input-fixture");
        }
    }

    @Test
    void shouldRejectEveryBadCampaignWithAProblemAndStartNone() throws Exception {
        var body = new HashMap<String, Object>(Map.of("name", "bad", "seedSetId", seedSetId, "generations", 2,
                "samplesPerGeneration", 10, "randomSeed", 7, "candidateFactor", 2, "tokenBudget", 1000,
                "anchorPolicy", "ratio", "anchorRatio", 0.1, "feedback", true));
        bad.rejectsEveryBadBody("POST", "/api/v1/campaigns", JSON.writeValueAsString(body),
                List.of("generations", "samplesPerGeneration", "candidateFactor", "tokenBudget"), dataSource);
        body.put("seedSetId", UUID.randomUUID().toString());
        bad.expectRejected("POST", "/api/v1/campaigns", new BadRequests.Case("unknown id", "application/json",
                JSON.writeValueAsBytes(body)));
    }

    @Test
    void shouldRejectEveryBadExperimentWithAProblemAndStartNone() throws Exception {
        var body = new HashMap<String, Object>(Map.of("name", "bad", "seedSetId", seedSetId, "generations", 2,
                "samplesPerGeneration", 10, "randomSeeds", List.of(1), "arms", List.of(Map.of("name", "control",
                        "anchorPolicy", "replace", "feedback", false))));
        bad.rejectsEveryBadBody("POST", "/api/v1/experiments", JSON.writeValueAsString(body),
                List.of("generations", "samplesPerGeneration"), dataSource);
        body.put("seedSetId", UUID.randomUUID().toString());
        bad.expectRejected("POST", "/api/v1/experiments", new BadRequests.Case("unknown id", "application/json",
                JSON.writeValueAsBytes(body)));
    }

    @Test
    void shouldRejectEveryBadSeedSetLineWithAProblemAndStoreNothing() throws Exception {
        TableSnapshot before = TableSnapshot.of(dataSource);
        String line = JSON.writeValueAsString(Map.of("id", "s1", "category", "science", "instruction",
                "Explain tides.", "input", "", "output", "The moon pulls the sea."));
        String path = "/api/v1/seed-sets?name=bad";
        for (BadRequests.Case c : BadRequests.jsonBodyCases(line, List.of(), BadRequests.PER_KIND)) {
            if (c.body().length > 0 && c.body()[0] == '[') {
                continue; // an array on a line is "not a JSON object", as checked by the malformed cases
            }
            // each case once as the only line, once after a valid line: a file is stored whole or not at all
            bad.expectRejected("POST", path, new BadRequests.Case(c.kind(), NDJSON, c.body()));
            byte[] withValid = concat((line.replace("s1", "s0") + "\n").getBytes(StandardCharsets.UTF_8), c.body());
            bad.expectRejected("POST", path, new BadRequests.Case(c.kind(), NDJSON, withValid));
        }
        for (String name : List.of("", " ", "x".repeat(201))) {
            bad.expectRejected("POST", "/api/v1/seed-sets?name=" + BadRequests.encode(name),
                    new BadRequests.Case("bad name", NDJSON, line.getBytes(StandardCharsets.UTF_8)));
        }
        bad.expectRejected("POST", "/api/v1/seed-sets", new BadRequests.Case("bad name", NDJSON,
                line.getBytes(StandardCharsets.UTF_8)));
        bad.expectRejected("POST", path, new BadRequests.Case("wrong content type", "application/json",
                line.getBytes(StandardCharsets.UTF_8)));
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        assertEquals(413, bad.expectRejected("POST", path, BadRequests.overLimit(limit + 1024)).status());
        assertEquals(before, TableSnapshot.of(dataSource));
    }

    @Test
    void shouldAnswerUnknownIdsAndBadQueriesOfEveryReadEndpointWithAProblem() {
        TableSnapshot before = TableSnapshot.of(dataSource);
        for (String id : BadRequests.unknownIds(BadRequests.PER_KIND)) {
            String e = BadRequests.encode(id);
            for (String path : List.of("/api/v1/campaigns/" + e, "/api/v1/campaigns/" + e + "/seeds",
                    "/api/v1/experiments/" + e, "/api/v1/experiments/" + e + "/report",
                    "/api/v1/experiments/" + e + "/report.html", "/api/v1/seed-sets/" + e)) {
                bad.expectRejected("GET", path, null);
            }
        }
        for (String count : BadRequests.badCounts(BadRequests.PER_KIND)) {
            bad.expectRejected("GET", "/api/v1/experiments?size=" + count, null);
            if (!count.equals("0")) {
                bad.expectRejected("GET", "/api/v1/experiments?page=" + count, null);
                bad.expectRejected("GET", "/api/v1/campaigns/" + UUID.randomUUID() + "/seeds?generation=" + count,
                        null);
            }
        }
        assertEquals(before, TableSnapshot.of(dataSource));
    }

    @Test
    void shouldAnswerUnknownIdsAndBadCountsOfTheLifecycleLineageAndListEndpointsWithAProblem() {
        TableSnapshot before = TableSnapshot.of(dataSource);
        for (String id : BadRequests.unknownIds(BadRequests.PER_KIND)) {
            String e = BadRequests.encode(id);
            for (String action : List.of("pause", "resume", "cancel", "fork", "generations/1/retry")) {
                bad.expectRejected("POST", "/api/v1/campaigns/" + e + "/" + action, null);
            }
            bad.expectRejected("GET", "/api/v1/campaigns/" + e + "/pool/stats", null);
            bad.expectRejected("GET", "/api/v1/seeds/" + e + "/lineage", null);
        }
        for (String count : BadRequests.badCounts(BadRequests.PER_KIND)) {
            for (String list : List.of("/api/v1/campaigns", "/api/v1/seed-sets", "/api/v1/operators")) {
                bad.expectRejected("GET", list + "?size=" + count, null);
                if (!count.equals("0")) {
                    bad.expectRejected("GET", list + "?page=" + count, null);
                }
            }
            bad.expectRejected("POST", "/api/v1/campaigns/" + UUID.randomUUID() + "/generations/" + count + "/retry",
                    null);
        }
        assertEquals(before, TableSnapshot.of(dataSource));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
