package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Topics;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Campaign arms against a real broker and database: the version's anchor policy from an admin override, the plan or
 * the configuration, carry-over from the previous version, a fixed token budget, and plans the curator refuses.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorArmsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldSealAVersionWithoutAnchorsWhenThePlansArmSaysReplaceThoughTheDefaultIsTailPreserving() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.arm(0.3, "replace", null, null, null);
        start(campaign, 4, plan);
        JsonPath version = awaitVersions(campaign, 1).get(0);

        assertEquals("REPLACE", version.getString("anchorPolicy"));
        assertEquals("PLAN", version.getString("arm.anchorPolicySource"));
        assertEquals(0, version.getInt("anchorRecords"));
        assertEquals(4, version.getInt("syntheticRecords"), "replace keeps every accepted sample");
        assertEquals(0L, version.getLong("anchorTokens"));
        assertEquals(version.getLong("syntheticTokens"), version.getLong("tokens"));
        given().when().get("/admin/campaigns/{id}/anchor-policy", campaign)
                .then().statusCode(200).body("anchorPolicy", is("REPLACE")).body("source", is("PLAN"));
    }

    @Test
    void shouldLetAnOperatorsOverrideBeatThePlansPolicyUntilItIsWithdrawn() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.arm(0.5, "replace", null, null, null);
        given().contentType("application/json").body(Map.of("anchorPolicy", "ratio"))
                .when().put("/admin/campaigns/{id}/anchor-policy", campaign)
                .then().statusCode(200).body("anchorPolicy", is("RATIO")).body("source", is("ADMIN"));
        start(campaign, 4, plan);
        JsonPath version = awaitVersions(campaign, 1).get(0);

        assertEquals("RATIO", version.getString("anchorPolicy"));
        assertEquals("ADMIN", version.getString("arm.anchorPolicySource"));
        assertEquals(4, version.getInt("anchorRecords"), "round(0.5 / 0.5 * 4) anchors: the override, not the plan");
        given().when().delete("/admin/campaigns/{id}/anchor-policy", campaign)
                .then().statusCode(200).body("anchorPolicy", is("REPLACE")).body("source", is("PLAN"));
    }

    @Test
    void shouldCarryTheBestSyntheticRecordsOfTheLastVersionOverWithinTheCarryOverShareAndKeepTheCountsExact() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.arm(0.1, "tail-preserving", 0.5, 0.5, null);
        List<SeedRecord> reference = Fixtures.referenceSeeds(campaign, 10);
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
        // generation 1 retells the reference (close to its n-grams), generation 2 drifts away from it
        for (int n = 0; n < 10; n++) {
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 10, n,
                    "Explain " + Fixtures.text(500 + n, 6), Fixtures.retold(reference.get(n).output()), plan)));
        }
        JsonPath first = awaitVersions(campaign, 1).get(0);
        List<String> secondTexts = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            String instruction = "Describe " + Fixtures.text(7000 + n, 6);
            String output = Fixtures.text(8000 + n, 25);
            secondTexts.add(new CurationSample("s", instruction, "", output).fullText());
            kafka.send(Topics.SAMPLES_GENERATED, campaign,
                    Events.write(Fixtures.generated(campaign, 2, 10, n, instruction, output, plan)));
        }
        JsonPath second = awaitVersions(campaign, 2).get(1);

        Set<String> firstSynthetic = syntheticIds(first.getString("id"));
        List<DatasetRecord> secondRecords = records(second.getString("id"));
        List<DatasetRecord> carried = secondRecords.stream()
                .filter(r -> r.source() == RecordSource.SYNTHETIC && r.recordId().contains(":g1:")).toList();
        assertTrue(!carried.isEmpty(), "generation 1's records close to the reference are carried over");
        assertTrue(carried.stream().allMatch(r -> firstSynthetic.contains(r.recordId())),
                "carried records are version 1's synthetic records, under their own ids");
        assertEquals(carried.size(), second.getInt("carriedRecords"));
        assertEquals(tokens(carried), second.getLong("carriedTokens"));
        long acceptedTokens = secondTexts.stream().mapToLong(t -> Tokenizer.tokenize(t).size()).sum();
        long syntheticBudget = (long) Math.ceil(0.5 * acceptedTokens);
        assertTrue(second.getLong("carriedTokens") <= Math.floor(0.5 * syntheticBudget),
                second.getLong("carriedTokens") + " carried tokens of a synthetic budget of " + syntheticBudget);
        assertTrue(second.getLong("syntheticTokens") <= syntheticBudget);

        // the counts are generation 2's decisions; carried records are no decision of it
        assertEquals(10, second.getInt("generated"));
        assertEquals(second.getInt("generated"),
                second.getInt("accepted") + second.getInt("rejected") + second.getInt("failed"));
        int fresh = second.getInt("syntheticRecords") - second.getInt("carriedRecords");
        Map<String, Integer> leftOut = second.getMap("leftOutByReason");
        assertEquals(second.getInt("accepted"), fresh + leftOut.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0.5f, second.getFloat("arm.carryOver"));
        assertEquals(0.5f, second.getFloat("arm.keepShare"));
        given().queryParam("generation", 2).when().get("/api/v1/campaigns/{id}/decisions", campaign)
                .then().statusCode(200).body("size()", is(10));
    }

    @Test
    void shouldNeverExceedTheArmsTokenBudgetUnderAnyPolicyThatSpendsOne() {
        int budget = 300; // 8 samples of about 38 tokens: more than the budget; a reference record is about 34
        Map<String, String> campaigns = new LinkedHashMap<>();
        for (String policy : List.of("tail-preserving", "ratio", "replace", "accumulate-subsample")) {
            String campaign = UUID.randomUUID().toString();
            campaigns.put(policy, campaign);
            GenerationPlan plan = Fixtures.arm(0.2, policy, 1.0, null, budget);
            start(campaign, 8, plan);
        }
        campaigns.forEach((policy, campaign) -> {
            JsonPath version = awaitVersions(campaign, 1).get(0);
            String where = policy + ": " + version.prettify();
            List<DatasetRecord> records = records(version.getString("id"));
            long synthetic = tokens(records.stream().filter(r -> r.source() == RecordSource.SYNTHETIC).toList());
            long anchors = tokens(records.stream().filter(r -> r.source() == RecordSource.REAL).toList());
            assertEquals(synthetic, version.getLong("syntheticTokens"), where);
            assertEquals(anchors, version.getLong("anchorTokens"), where);
            assertTrue(synthetic + anchors <= budget, where);
            assertTrue(anchors <= Math.floor(0.2 * budget), where);
            assertTrue(synthetic > budget / 2, "the budget is spent, not left empty: " + where);
            if (!policy.equals("replace") && !policy.equals("accumulate-subsample")) {
                assertTrue(anchors > 0, "the anchor share of the budget holds a reference record: " + where);
            }
            assertTrue(version.getInt("leftOutByReason.values().sum()") > 0, "the budget cut samples: " + where);
            assertEquals(budget, version.getInt("arm.tokenBudget"), where);
            assertEquals(8, version.getInt("accepted"), where);
        });
    }

    @Test
    void shouldDeadLetterASampleWhosePlanNamesAnUnknownPolicyOrAnInvalidArmSetting() {
        String key = UUID.randomUUID().toString();
        String unknown = Fixtures.distinct(key, 1, 1, 0, Fixtures.arm(0.1, "keep-it-all", null, null, null));
        String carryAll = Fixtures.distinct(key, 1, 1, 1, Fixtures.arm(0.1, "tail-preserving", null, 1.0, null));
        try (var dlq = kafka.reader(Topics.deadLetter("curator"))) {
            kafka.send(Topics.SAMPLES_GENERATED, key, unknown);
            kafka.send(Topics.SAMPLES_GENERATED, key, carryAll);
            await().atMost(WAIT).until(() -> dlq.withKey(key).size() >= 2);
            Map<String, String> reasons = dlq.withKey(key).stream().collect(Collectors.toMap(r -> r.value(),
                    r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)));
            assertTrue(reasons.get(unknown).contains("unknown anchor policy 'keep-it-all'"), reasons.get(unknown));
            assertTrue(reasons.get(carryAll).contains("carryOver must be in [0, 1)"), reasons.get(carryAll));
        }
        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(key, 1, 0)).then().statusCode(404);
    }

    /** Starts a campaign with 10 reference seeds and sends a first generation of unrelated samples. */
    private void start(String campaign, int samples, GenerationPlan plan) {
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
        for (int n = 0; n < samples; n++) {
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, samples, n, plan));
        }
    }

    /** The campaign's versions once there are {@code count} of them, in generation order. */
    private static List<JsonPath> awaitVersions(String campaign, int count) {
        await().atMost(WAIT).until(() -> given().queryParam("campaignId", campaign).when().get("/api/v1/datasets")
                .then().statusCode(200).extract().jsonPath().getList("$").size() >= count);
        JsonPath all = given().queryParam("campaignId", campaign).when().get("/api/v1/datasets")
                .then().statusCode(200).extract().jsonPath();
        List<JsonPath> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = all.getString("[" + i + "].id");
            versions.add(given().when().get("/api/v1/datasets/{id}", id).then().statusCode(200).extract().jsonPath());
        }
        return versions;
    }

    private static List<DatasetRecord> records(String versionId) {
        return List.of(given().when().get("/api/v1/datasets/{id}/records", versionId)
                .then().statusCode(200).extract().as(DatasetRecord[].class));
    }

    private static Set<String> syntheticIds(String versionId) {
        return records(versionId).stream().filter(r -> r.source() == RecordSource.SYNTHETIC)
                .map(DatasetRecord::recordId).collect(Collectors.toSet());
    }

    /** Tokens as the selection counts them: the record's instruction, input and output, tokenized. */
    private static long tokens(List<DatasetRecord> records) {
        return records.stream().mapToLong(r -> Tokenizer.tokenize(
                new CurationSample(r.recordId(), r.instruction(), r.input(), r.output()).fullText()).size()).sum();
    }
}
