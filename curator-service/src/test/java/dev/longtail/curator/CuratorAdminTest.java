package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Topics;
import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The admin endpoints every service shares, on the curator against a real broker and database. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorAdminTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROBLEM = "application/problem+json";

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Inject
    CurationSessions sessions;

    @Inject
    EntityManager em;

    @Test
    void shouldPersistAndAuditAConfigChangeAndRefuseABadValueNamingTheKey() {
        given().when().get("/admin/config").then().statusCode(200).body("nearDuplicateThreshold", is(0.8f));
        try {
            given().contentType("application/json").body(Map.of("nearDuplicateThreshold", 0.7))
                    .when().patch("/admin/config")
                    .then().statusCode(200).body("nearDuplicateThreshold", is(0.7f));
            String stored = QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("SELECT value FROM runtime_setting WHERE name = 'nearDuplicateThreshold'")
                    .getSingleResult());
            assertEquals("0.7", stored);
            given().when().get("/admin/config/audit")
                    .then().statusCode(200)
                    .body("[0].subject", is("nearDuplicateThreshold"))
                    .body("[0].actor", is("anonymous"))
                    .body("[0].before", is("0.8"))
                    .body("[0].after", is("0.7"))
                    .body("[0].at", org.hamcrest.Matchers.notNullValue());
            // the curator's own path reads the same, persisted value
            given().when().get("/admin/curation/thresholds").then().body("nearDuplicateThreshold", is(0.7f));

            given().contentType("application/json").body(Map.of("nearDuplicateThreshold", 1.5))
                    .when().patch("/admin/config")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is("nearDuplicateThreshold"));
            given().contentType("application/json").body(Map.of("noSuchSetting", 1))
                    .when().patch("/admin/config")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("noSuchSetting"));
            given().contentType("application/json").body(Map.of("permutations", "many"))
                    .when().patch("/admin/config")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("permutations"));
            given().when().get("/admin/config").then().body("nearDuplicateThreshold", is(0.7f));
        } finally {
            given().contentType("application/json").body(Map.of("nearDuplicateThreshold", 0.8))
                    .when().patch("/admin/config").then().statusCode(200);
        }
    }

    @Test
    void shouldPutInForceAValueAnotherReplicaStored() {
        try {
            // what another replica's PATCH leaves in the shared database
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO runtime_setting "
                    + "(name, value, updated_at, updated_by) VALUES ('maxWords', '250', now(), 'replica-2') "
                    + "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value").executeUpdate());
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/curation/thresholds")
                    .then().body("maxWords", is(250)));
        } finally {
            given().contentType("application/json").body(Map.of("maxWords", 300))
                    .when().patch("/admin/config").then().statusCode(200);
        }
    }

    @Test
    void shouldAuditAnAnchorPolicyOverride() {
        String campaign = UUID.randomUUID().toString();
        given().contentType("application/json").body(Map.of("anchorPolicy", "accumulate"))
                .when().put("/admin/campaigns/{id}/anchor-policy", campaign).then().statusCode(200);
        given().when().get("/admin/config/audit")
                .then().statusCode(200)
                .body("[0].subject", is("campaigns/" + campaign + "/anchorPolicy"))
                .body("[0].after", is("ACCUMULATE"));
    }

    @Test
    void shouldStopConsumingWhilePausedAndCatchUpOnResume() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        given().when().post("/admin/consumers/pause?channel=samples-generated")
                .then().statusCode(200).body("[0].channel", is("samples-generated")).body("[0].paused", is(true));
        try {
            given().when().get("/admin/consumers").then().statusCode(200)
                    .body("find { it.channel == 'samples-generated' }.paused", is(true))
                    .body("find { it.channel == 'campaigns-started' }.paused", is(false));
            for (int n = 0; n < 4; n++) {
                kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 4, n, plan));
            }
            // a record the consumer had asked for before the pause may still arrive; nothing after it does
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> decisions(campaign) <= 1);
        } finally {
            given().when().post("/admin/consumers/resume?channel=samples-generated")
                    .then().statusCode(200).body("[0].paused", is(false));
        }
        await().atMost(WAIT).until(() -> decisions(campaign) == 4);
        given().when().post("/admin/consumers/pause?channel=no-such-channel").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldDrainOnlyOnceHandledRecordsAreCommitted() {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 2, 0, Fixtures.plan(0.2)));
        await().atMost(WAIT).until(() -> decisions(campaign) == 1);
        try {
            JsonPath drained = given().when().post("/admin/consumers/drain?channel=samples-generated&timeoutSeconds=60")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(drained.getBoolean("[0].paused"));
            assertEquals(0, drained.getLong("[0].inFlight"));
            List<Map<String, Object>> partitions = drained.getList("[0].partitions");
            assertFalse(partitions.isEmpty());
            for (var partition : partitions) {
                Number committed = (Number) partition.get("committed"); // null: nothing ever committed (empty)
                assertEquals(((Number) partition.get("position")).longValue(), committed == null ? 0 : committed.longValue(),
                        "committed up to the position: " + partition);
            }
            given().when().get("/q/health/well").then().statusCode(503).body("checks.find { it.name == 'consumers' }.status",
                    is("DOWN"));
        } finally {
            given().when().post("/admin/consumers/resume").then().statusCode(200);
        }
        given().when().get("/q/health/well").then().statusCode(200);
    }

    @Test
    void shouldStoreAPoisonRecordAsADeadLetterAndReplayADeadLetteredRecord() {
        String poisonKey = UUID.randomUUID().toString();
        kafka.send(Topics.SAMPLES_GENERATED, poisonKey, "{\"not json\" " + poisonKey);
        await().atMost(WAIT).until(() -> deadLetterIdOf(poisonKey) != null);
        String poison = deadLetterIdOf(poisonKey);
        given().when().get("/admin/dead-letters/{id}", poison).then().statusCode(200)
                .body("originalTopic", is(Topics.SAMPLES_GENERATED))
                .body("key", is(poisonKey))
                .body("reason", org.hamcrest.Matchers.notNullValue())
                .body("value", is("{\"not json\" " + poisonKey));

        // a valid sample that a transient fault (a database outage outlasting the retries) dead-lettered
        String campaign = UUID.randomUUID().toString();
        String sample = Fixtures.distinct(campaign, 1, 1, 0, Fixtures.plan(0.2));
        deadLetter(campaign, sample);
        await().atMost(WAIT).until(() -> deadLetterIdOf(campaign) != null);
        assertEquals(0, decisions(campaign));
        String id = deadLetterIdOf(campaign);
        given().when().post("/admin/dead-letters/{id}/replay", id).then().statusCode(200).body("replayCount", is(1));
        await().atMost(WAIT).until(() -> decisions(campaign) == 1);
        given().when().get("/admin/dead-letters/{id}", id).then().statusCode(200).body("replayedAt", org.hamcrest.Matchers.notNullValue());

        given().when().delete("/admin/dead-letters/{id}", poison).then().statusCode(204);
        given().when().get("/admin/dead-letters/{id}", poison).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/admin/dead-letters/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/admin/dead-letters?limit=0").then().statusCode(400).contentType(PROBLEM);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM admin_audit WHERE action = 'dead-letter.discard' AND subject = ?1")
                .setParameter(1, poison).getSingleResult()).intValue()) == 1);
    }

    @Test
    void shouldEvictACampaignsCacheOnRequestAndWhenItsLastGenerationIsSealed() {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 2, 0, Fixtures.plan(0.2)));
        await().atMost(WAIT).until(() -> decisions(campaign) == 1);
        given().when().post("/admin/caches/evict?campaign={id}", campaign)
                .then().statusCode(200).body("evicted.curation-sessions", is(true));
        given().when().post("/admin/caches/evict?campaign={id}", campaign)
                .then().statusCode(200).body("evicted.curation-sessions", is(false));
        given().when().post("/admin/caches/evict?campaign=nope").then().statusCode(400).contentType(PROBLEM);

        // a one-generation campaign: sealing generation 1 ends it, and frees its session
        String ending = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, ending, Events.write(new CampaignStarted(Events.SCHEMA_VERSION, ending,
                "one generation", 1, 2, 42L, Fixtures.referenceSeeds(ending, 5),
                List.of(new SeedRecord("held-out-1", "cat0", "Held out", "", Fixtures.text(99, 20))))));
        kafka.send(Topics.SAMPLES_GENERATED, ending, Fixtures.distinct(ending, 1, 2, 0, Fixtures.plan(0.2)));
        kafka.send(Topics.SAMPLES_GENERATED, ending, Fixtures.distinct(ending, 1, 2, 1, Fixtures.plan(0.2)));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("campaignId", ending).when().get("/api/v1/datasets")
                .then().statusCode(200).body("$", hasSize(1)));
        await().atMost(WAIT).until(() -> !sessions.evict(ending));
        given().when().get("/admin/caches").then().statusCode(200).body("curation-sessions", org.hamcrest.Matchers.notNullValue());
    }

    private int decisions(String campaign) {
        var response = given().when().get("/api/v1/campaigns/{id}/decisions", campaign);
        return response.statusCode() == 404 ? 0 : response.then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    /** The id of the newest stored dead letter with this key, or null. */
    private String deadLetterIdOf(String key) {
        List<Map<String, Object>> items = given().when().get("/admin/dead-letters?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> key.equals(i.get("key"))).map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    /** Puts a record on the curator's dead-letter topic as SmallRye's dead-letter strategy does. */
    private static void deadLetter(String key, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", DevStackTestResource.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(Topics.deadLetter("curator"), key, value);
            record.headers().add("dead-letter-reason", "database unavailable".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", Topics.SAMPLES_GENERATED.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-offset", "0".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
