package dev.longtail.evolver;

import static dev.longtail.evolver.LoopDriver.evaluated;
import static dev.longtail.evolver.LoopDriver.sealed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.GenerationMetrics;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.Topics;
import dev.longtail.contracts.TrainingText;
import dev.longtail.contracts.Verdict;
import dev.longtail.contracts.VersionedEvent;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import dev.longtail.evolver.campaign.Campaign;
import dev.longtail.evolver.campaign.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class CampaignLoopTest {

    private static final Duration PATIENCE = LoopDriver.PATIENCE;
    private static final String GROUP = "longtail-evolver";

    private final KafkaTestClient kafka = KafkaTestClient.devStack();
    private final LoopDriver loop = new LoopDriver();
    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("loop-fixture");
    }

    @Test
    void shouldPublishCampaignStartedAndFirstGenerationKeyedByCampaignId() {
        String campaignId = createCampaign(3, 10);

        CampaignStarted started = Events.read(single(Topics.CAMPAIGNS_STARTED, campaignId), CampaignStarted.class);
        assertEquals(campaignId, started.campaignId());
        assertEquals(30, started.referenceSeeds().size() + started.heldOutSeeds().size());
        assertTrue(started.heldOutSeeds().size() > 0);

        SeedsEvolved first = Events.read(single(Topics.SEEDS_EVOLVED, campaignId), SeedsEvolved.class);
        assertEquals(1, first.generation());
        assertEquals(10, first.seeds().size());
        assertEquals(started.referenceSeeds().size(), first.trainingCorpus().size());
        for (int n = 1; n <= 10; n++) {
            assertEquals(campaignId + ":g1:" + n, first.seeds().get(n - 1).seedId());
        }
        var referenceIds = started.referenceSeeds().stream().map(s -> s.seedId()).toList();
        assertTrue(first.seeds().stream().allMatch(s -> referenceIds.contains(s.parentSeedId())),
                "generation 1 evolves the reference seeds only");
        assertEquals(1.0, first.plan().sampling().temperature());
        assertEquals(0.8, first.plan().curation().nearDuplicateThreshold());

        ConsumerRecord<String, String> record = kafka.readAll(Topics.SEEDS_EVOLVED).stream()
                .filter(r -> campaignId.equals(r.key())).findFirst().orElseThrow();
        assertEquals("dev.longtail.seeds.evolved", KafkaTestClient.header(record, "ce_type"));
    }

    @Test
    void shouldResendWhatACrashLeftUnpublishedCampaignStartedFirst() {
        String campaignId = createCampaign(2, 4);
        loop.awaitGeneration(campaignId, 1);
        // as if the service had died after the broker acknowledged both records but before it marked them sent
        QuarkusTransaction.requiringNew().run(() -> {
            Campaign.<Campaign>findById(UUID.fromString(campaignId)).startedPublishedAt = null;
            Generation.of(UUID.fromString(campaignId), 1).orElseThrow().publishedAt = null;
        });

        List<ConsumerRecord<String, String>> started = await().atMost(PATIENCE).until(
                () -> withKey(Topics.CAMPAIGNS_STARTED, campaignId), records -> records.size() == 2);
        List<ConsumerRecord<String, String>> evolved = await().atMost(PATIENCE).until(
                () -> withKey(Topics.SEEDS_EVOLVED, campaignId), records -> records.size() == 2);
        assertTrue(started.get(1).timestamp() <= evolved.get(1).timestamp(),
                "the sweep re-sends CampaignStarted before generation 1");
        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/api/v1/campaigns/" + campaignId)
                .then().body("generationDetails[0].publishedAt", notNullValue()));
        assertEquals(2, withKey(Topics.SEEDS_EVOLVED, campaignId).size(), "published once more, then marked");
    }

    @Test
    void shouldStartNextGenerationOnceSealedThenEvaluatedEvenWhenRedelivered() {
        String campaignId = createCampaign(3, 10);
        SeedsEvolved first = loop.awaitGeneration(campaignId, 1);

        SeedsEvolved second = deliverTwiceAndAwaitOneSecondGeneration(sealed(first, 4), evaluated(first, 0.7));
        assertSecondGeneration(first, second, 0.7, 4);

        given().when().get("/api/v1/campaigns/" + campaignId).then().statusCode(200)
                .body("currentGeneration", equalTo(2))
                .body("generationDetails[0].verdict", equalTo("HEALTHY"))
                .body("generationDetails[0].datasetVersionId", equalTo(campaignId + ":v1"))
                .body("generationDetails[0].accepted", equalTo(4))
                .body("generationDetails[0].adjustments[0].to", equalTo(0.7f))
                .body("generationDetails[1].plan.temperature", equalTo(0.7f));
        List<String> withOutput = given().queryParam("generation", 1)
                .when().get("/api/v1/campaigns/" + campaignId + "/seeds")
                .then().statusCode(200).extract().path("items.findAll { it.output != null }.id");
        assertEquals(first.seeds().subList(0, 4).stream().map(EvolvedSeed::seedId).toList(), withOutput);
    }

    @Test
    void shouldStartNextGenerationOnceEvaluatedThenSealedEvenWhenRedelivered() {
        String campaignId = createCampaign(2, 6);
        SeedsEvolved first = loop.awaitGeneration(campaignId, 1);

        SeedsEvolved second = deliverTwiceAndAwaitOneSecondGeneration(evaluated(first, 1.3), sealed(first, 3));
        assertSecondGeneration(first, second, 1.3, 3);
    }

    @Test
    void shouldCompleteCampaignAfterItsLastGeneration() {
        String campaignId = createCampaign(1, 5);
        SeedsEvolved first = loop.awaitGeneration(campaignId, 1);
        loop.deliver(sealed(first, 2));
        loop.deliver(evaluated(first, 0.9));

        await().atMost(PATIENCE).untilAsserted(() -> given().when().get("/api/v1/campaigns/" + campaignId)
                .then().body("status", equalTo("COMPLETED")));
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(GROUP,
                List.of(Topics.DATASETS_SEALED, Topics.EVALUATIONS_COMPLETED)));
        assertEquals(1, loop.seedsEvolved(campaignId).size(), "no generation after the last one");
    }

    @Test
    void shouldKeepThePlanFixedWhenFeedbackIsOffAndShowTheAdjustmentsAsProposed() {
        String campaignId = createCampaign(3, 4, Map.of("feedback", false, "anchorPolicy", "ratio",
                "candidateFactor", 2, "temperature", 0.9));
        SeedsEvolved first = loop.awaitGeneration(campaignId, 1);
        assertEquals(Boolean.FALSE, first.plan().feedback());
        assertEquals(8, first.seeds().size(), "4 samples per generation, 2 candidates each");

        loop.deliver(sealed(first, 3));
        loop.deliver(evaluated(first, 1.4));
        SeedsEvolved second = loop.awaitGeneration(campaignId, 2);

        assertEquals(first.plan().inBreadthShare(), second.plan().inBreadthShare());
        assertEquals(first.plan().curation(), second.plan().curation());
        assertEquals(first.plan().backend(), second.plan().backend());
        assertEquals(first.plan().feedback(), second.plan().feedback());
        assertEquals(first.plan().candidateFactor(), second.plan().candidateFactor());
        var sampling = first.plan().sampling();
        assertEquals(new dev.longtail.contracts.SamplingParameters(sampling.temperature(), sampling.topP(),
                sampling.maxTokens(), second.plan().sampling().randomSeed()), second.plan().sampling(),
                "the temperature the evaluator asked for is not applied");
        assertNotEquals(sampling.randomSeed(), second.plan().sampling().randomSeed(), "a fresh sampling seed");
        assertEquals(8, second.seeds().size());
        given().when().get("/api/v1/campaigns/" + campaignId).then().statusCode(200)
                .body("generationDetails[0].adjustments[0].to", equalTo(1.4f))
                .body("generationDetails[0].adjustmentsApplied", equalTo(false))
                .body("generationDetails[0].adjustmentsNote", equalTo("proposed, not applied (feedback off)"))
                .body("generationDetails[1].plan.temperature", equalTo(0.9f));
    }

    @Test
    void shouldKeepTheArmsSettingsInEveryLaterPlanWhileApplyingTheAdjustments() {
        String campaignId = createCampaign(3, 3, Map.of("anchorPolicy", "tail-preserving", "keepShare", 0.5,
                "carryOver", 0.6, "tokenBudget", 4000, "candidateFactor", 3));
        SeedsEvolved first = loop.awaitGeneration(campaignId, 1);

        loop.deliver(sealed(first, 3));
        loop.deliver(evaluated(first, 1.2));
        SeedsEvolved second = loop.awaitGeneration(campaignId, 2);

        assertEquals(1.2, second.plan().sampling().temperature(), 1e-9, "feedback is on: the adjustment is applied");
        var curation = second.plan().curation();
        assertEquals("tail-preserving", curation.anchorPolicy());
        assertEquals(0.5, curation.keepShare());
        assertEquals(0.6, curation.carryOver());
        assertEquals(4000, curation.tokenBudget());
        assertEquals(Boolean.TRUE, second.plan().feedback());
        assertEquals(3, second.plan().candidateFactor());
        assertEquals(9, second.seeds().size());
        given().when().get("/api/v1/campaigns/" + campaignId).then().statusCode(200)
                .body("generationDetails[0].adjustmentsApplied", equalTo(true))
                .body("generationDetails[1].plan.carryOver", equalTo(0.6f));
    }

    @Test
    void shouldDeadLetterEventsOfUnknownCampaigns() {
        String unknown = UUID.randomUUID().toString();
        var plan = new dev.longtail.contracts.GenerationPlan(0.5,
                new dev.longtail.contracts.SamplingParameters(1.0, 0.95, 120, 1),
                new dev.longtail.contracts.CurationPolicy(0.1, 0.8, 3, 300));
        kafka.send(Topics.DATASETS_SEALED, unknown, Events.write(new DatasetSealed(Events.SCHEMA_VERSION,
                unknown + ":v1", unknown, 1, plan, new DecisionCounts(0, 0, 0, 0, Map.of()), 0, List.of())));

        assertDeadLettered(unknown, "unknown campaign");
    }

    @Test
    void shouldDeadLetterEventsWhoseCampaignIdIsNotAUuid() {
        String key = "not-a-uuid-" + UUID.randomUUID();
        kafka.send(Topics.EVALUATIONS_COMPLETED, key, Events.write(new EvaluationCompleted(Events.SCHEMA_VERSION,
                key + ":e1", key, 1, key + ":v1", new GenerationMetrics(0.5, 0.8, 7.0, 0.6, 300, 20), Verdict.HEALTHY,
                List.of(), List.of())));

        assertDeadLettered(key, "is not a UUID");
    }

    @Test
    void shouldDeadLetterMalformedRecords() {
        String key = "malformed-" + UUID.randomUUID();
        kafka.send(Topics.EVALUATIONS_COMPLETED, key, "{\"schemaVersion\": 1, \"campaignId\": ");

        assertDeadLettered(key, "EvaluationCompleted");
    }

    private void assertSecondGeneration(SeedsEvolved first, SeedsEvolved second, double temperature, int accepted) {
        assertEquals(temperature, second.plan().sampling().temperature(), 1e-9, "the adjustment is applied");
        assertEquals(first.plan().inBreadthShare(), second.plan().inBreadthShare(), "the unknown parameter is ignored");
        assertEquals(first.plan().curation(), second.plan().curation());
        assertNotEquals(first.plan().sampling().randomSeed(), second.plan().sampling().randomSeed());
        assertEquals(first.seeds().size(), second.seeds().size());
        assertEquals(first.campaignId() + ":g2:1", second.seeds().get(0).seedId());
        List<TrainingText> version1 = sealed(first, accepted).records().stream()
                .map(r -> new TrainingText(r.instruction(), r.input(), r.output())).toList();
        assertEquals(version1, second.trainingCorpus(), "generation 2 trains on dataset version 1");
    }

    /**
     * Delivers generation 1's two loop records twice each, in the order given, waits for generation 2, delivers them
     * once more, and checks that generation 2 went out exactly once (and generation 3 not at all).
     */
    private SeedsEvolved deliverTwiceAndAwaitOneSecondGeneration(VersionedEvent... records) {
        for (VersionedEvent record : records) {
            loop.deliver(record);
            loop.deliver(record);
        }
        String campaignId = records[0].campaignId();
        SeedsEvolved second = loop.awaitGeneration(campaignId, 2);
        for (VersionedEvent record : records) {
            loop.deliver(record);
        }
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(GROUP,
                List.of(Topics.DATASETS_SEALED, Topics.EVALUATIONS_COMPLETED)));
        long seconds = loop.seedsEvolved(campaignId).stream().filter(e -> e.generation() == 2).count();
        assertEquals(1, seconds, "generation 2 is published exactly once");
        long third = loop.seedsEvolved(campaignId).stream().filter(e -> e.generation() == 3).count();
        assertEquals(0, third, "generation 3 waits for version 2 and its evaluation");
        return second;
    }

    private String createCampaign(int generations, int samples) {
        return createCampaign(generations, samples, Map.of());
    }

    private String createCampaign(int generations, int samples, Map<String, Object> arm) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "loop", "seedSetId", seedSetId,
                "generations", generations, "samplesPerGeneration", samples, "randomSeed", 11));
        body.putAll(arm);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).body("status", equalTo("RUNNING")).extract().path("id");
    }

    private List<ConsumerRecord<String, String>> withKey(String topic, String key) {
        return kafka.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    private String single(String topic, String key) {
        List<String> values = await().atMost(PATIENCE).until(() -> kafka.valuesWithKey(topic, key), v -> !v.isEmpty());
        assertEquals(1, values.size(), "one record on " + topic);
        return values.get(0);
    }

    /** The record with this key reaches the evolver's dead-letter topic, with a reason that says {@code why}. */
    private void assertDeadLettered(String key, String why) {
        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(() -> kafka.readAll(
                Topics.deadLetter("evolver")).stream().filter(r -> key.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        assertTrue(reason.contains(why), reason);
    }
}
