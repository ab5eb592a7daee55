package dev.longtail.curator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.support.testing.BadInputSuite;
import dev.longtail.support.testing.BadRequests;
import dev.longtail.support.testing.TableSnapshot;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the curator under generated bad input: each case answers a 4xx problem, never a 5xx, and
 * leaves every table and the thresholds as they were.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorBadInputTest extends BadInputSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_KIND = BadRequests.PER_KIND;

    @Override
    protected String service() {
        return "curator";
    }

    @Test
    void shouldRejectEveryBadCurationBatchWithAProblem() throws Exception {
        String valid = JSON.writeValueAsString(Map.of("campaignId", UUID.randomUUID().toString(), "semantic", false,
                "samples", List.of(Map.of("id", "s1", "instruction", "Explain tides", "input", "",
                        "output", Fixtures.text(1, 30)))));
        rejectsAll("POST", "/api/v1/curate", valid, List.of());
        int limit = ConfigProvider.getConfig().getValue("longtail.curator.api.max-batch-size", Integer.class);
        var tooMany = IntStream.rangeClosed(0, limit).mapToObj(i -> Map.of("id", "s" + i, "output", "text " + i))
                .toList();
        var answer = bad.expectRejected("POST", "/api/v1/curate", new BadRequests.Case("bad count", "application/json",
                JSON.writeValueAsBytes(Map.of("samples", tooMany))));
        assertEquals(413, answer.status());
    }

    @Test
    void shouldRejectEveryBadSelectionWithAProblem() throws Exception {
        String valid = JSON.writeValueAsString(Map.of("reference", List.of(Fixtures.text(2, 30)), "candidates",
                List.of(Map.of("id", "c1", "text", Fixtures.text(3, 30))), "budget", 1, "clusters", 1,
                "tailBoost", 1.0, "seed", 7, "representation", "ngram"));
        rejectsAll("POST", "/api/v1/select", valid, List.of("budget", "clusters"));
    }

    @Test
    void shouldRejectEveryBadThresholdChangeAndKeepTheThresholds() throws Exception {
        String before = bad.send("GET", "/admin/curation/thresholds", null, null).body();
        for (String method : List.of("PUT", "PATCH")) {
            rejectsAll(method, "/admin/curation/thresholds", before, List.of());
        }
        assertEquals(JSON.readTree(before), JSON.readTree(bad.send("GET", "/admin/curation/thresholds", null, null)
                .body()), "a rejected change left the thresholds changed");
    }

    @Test
    void shouldRejectEveryBadAnchorPolicyWithAProblem() {
        String campaign = UUID.randomUUID().toString();
        rejectsAll("PUT", "/admin/campaigns/" + campaign + "/anchor-policy", "{\"anchorPolicy\":\"accumulate\"}",
                List.of());
        // a campaign the curator has not met yet may be given a policy, so only non-ids are unknown here
        for (String id : notIds()) {
            for (String method : List.of("GET", "DELETE")) {
                bad.expectRejected(method, "/admin/campaigns/" + BadRequests.encode(id) + "/anchor-policy", null);
            }
            bad.expectRejected("PUT", "/admin/campaigns/" + BadRequests.encode(id) + "/anchor-policy",
                    new BadRequests.Case("unknown id", "application/json", "{\"anchorPolicy\":\"replace\"}".getBytes()));
        }
    }

    @Test
    void shouldAnswerUnknownIdsAndBadQueriesOfEveryReadEndpointWithAProblem() {
        TableSnapshot before = TableSnapshot.of(dataSource);
        for (String id : BadRequests.unknownIds(PER_KIND)) {
            String e = BadRequests.encode(id);
            for (String path : List.of("/api/v1/decisions/" + e, "/api/v1/campaigns/" + e + "/decisions",
                    "/api/v1/datasets/" + e, "/api/v1/datasets/" + e + "/records", "/api/v1/datasets/" + e + "/counts",
                    "/api/v1/datasets/" + e + "/decisions", "/api/v1/datasets/" + e + "/export",
                    "/api/v1/datasets?campaignId=" + e)) {
                if (!path.contains("campaignId=") || !BadRequests.isUuid(id)) {
                    bad.expectRejected("GET", path, null);
                }
            }
        }
        String campaign = UUID.randomUUID().toString();
        for (String count : BadRequests.badCounts(PER_KIND)) {
            if (!count.startsWith("-") && !count.equals("0")) {
                continue; // a generation beyond the campaign's last is an unknown one: 404 (checked above)
            }
            bad.expectRejected("GET", "/api/v1/campaigns/" + campaign + "/decisions?generation=" + count, null);
        }
        for (String format : List.of("csv", "", "JSONLX", "parquet%00")) {
            bad.expectRejected("GET", "/api/v1/datasets/" + campaign + "/export?format=" + format, null);
        }
        bad.expectRejected("GET", "/api/v1/datasets", null);
        assertEquals(before, TableSnapshot.of(dataSource));
    }

    private void rejectsAll(String method, String path, String validJson, List<String> countFields) {
        bad.rejectsEveryBadBody(method, path, validJson, countFields, dataSource);
    }

    private static List<String> notIds() {
        return BadRequests.unknownIds(PER_KIND).stream().filter(id -> !BadRequests.isUuid(id)).toList();
    }
}
