package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed loop end to end: the four packaged services as processes over the devstack, one campaign of two
 * generations, checked through the evaluator's report and the curator's API. Runs with {@code -Pe2e}.
 */
class ClosedLoopIT {

    private static final int GENERATIONS = 2;
    private static final int SAMPLES = 40;

    private static LongtailStack stack;

    @BeforeAll
    static void startStack() {
        stack = LongtailStack.start(StackOptions.ephemeral());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldRunTwoGenerationsWhoseCountsAgreeAndWhosePlanFollowsTheAdjustments() {
        var client = CampaignClient.of(stack);
        String id = client.createCampaign("closed-loop-it", "demo", GENERATIONS, SAMPLES, 7);

        JsonNode report = client.awaitReport(id, Duration.ofMinutes(10), progress -> { });

        assertEquals(id, report.path("campaignId").asText());
        assertTrue(report.path("complete").asBoolean());
        assertEquals(GENERATIONS, report.path("completedGenerations").asInt());
        JsonNode rows = report.path("rows");
        assertEquals(GENERATIONS, rows.size(), report.toString());

        Map<Integer, JsonNode> byGeneration = new HashMap<>();
        for (JsonNode row : rows) {
            int generation = row.path("generation").asInt();
            int generated = row.path("generated").asInt();
            int accepted = row.path("accepted").asInt();
            String where = "generation " + generation + ": " + row;
            assertEquals(generated, accepted + row.path("rejected").asInt() + row.path("failed").asInt(), where);
            assertTrue(generated > 0, where);
            assertTrue(accepted > 0, where);
            int synthetic = row.path("records").asInt() - row.path("anchorRecords").asInt();
            assertTrue(synthetic > 0 && synthetic <= accepted, "the version keeps some of the accepted samples: " + where);
            byGeneration.put(generation, row);
        }
        assertEquals(java.util.Set.of(1, 2), byGeneration.keySet());

        JsonNode versions = client.datasets(id);
        assertTrue(versions.isArray(), versions.toString());
        assertEquals(GENERATIONS, versions.size(), versions.toString());
        for (JsonNode version : versions) {
            JsonNode row = byGeneration.get(version.path("generation").asInt());
            String where = "curator " + version + " vs evaluator " + row;
            for (String count : new String[] {"generated", "accepted", "rejected", "failed", "anchorRecords", "records"}) {
                assertEquals(row.path(count).asInt(), version.path(count).asInt(), count + " in " + where);
            }
            // the default policy is Longtail's own: every accepted sample is kept or left out with a reason
            assertEquals("TAIL_PRESERVING", version.path("anchorPolicy").asText(), where);
            int leftOut = 0;
            for (JsonNode n : version.path("leftOutByReason")) {
                leftOut += n.asInt();
            }
            // records carried over from the previous version are synthetic records of this version but no decision of it
            int fresh = version.path("syntheticRecords").asInt() - version.path("carriedRecords").asInt(0);
            assertEquals(version.path("accepted").asInt(), fresh + leftOut, where);
        }

        JsonNode first = byGeneration.get(1);
        assertEquals(expectedPlan(first.path("plan"), first.path("adjustments")), planOf(byGeneration.get(2).path("plan")),
                "generation 2 runs generation 1's plan with its adjustments: " + first);
    }

    /** A plan with adjustments applied; {@code evolution.inBreadthShare} sets the plan's {@code inBreadthShare}. */
    static Map<String, Double> expectedPlan(JsonNode plan, JsonNode adjustments) {
        Map<String, Double> expected = planOf(plan);
        for (JsonNode adjustment : adjustments) {
            String parameter = adjustment.path("parameter").asText();
            String key = parameter.substring(parameter.lastIndexOf('.') + 1);
            assertTrue(expected.containsKey(key), "adjustment of " + parameter + " has no counterpart in plan " + plan);
            assertEquals(expected.get(key), adjustment.path("from").asDouble(), 1e-9,
                    "adjustment of " + parameter + " starts from the value in force");
            expected.put(key, adjustment.path("to").asDouble());
        }
        return expected;
    }

    private static Map<String, Double> planOf(JsonNode plan) {
        Map<String, Double> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = plan.fields(); fields.hasNext(); ) {
            var field = fields.next();
            // Rounded so that 0.1 + 0.05 and 0.15 compare equal, whichever service did the arithmetic.
            values.put(field.getKey(), Math.round(field.getValue().asDouble() * 1e9) / 1e9);
        }
        return values;
    }
}
