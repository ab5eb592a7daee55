package dev.longtail.evolver.campaign;

import static dev.longtail.evolver.LoopDriver.evaluated;
import static dev.longtail.evolver.LoopDriver.sealed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.Topics;
import dev.longtail.contracts.TrainingText;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.Fixtures;
import dev.longtail.evolver.LoopDriver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Pause, resume, cancel, retry and fork of a campaign, its progress per generation, and its resumption on start. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class CampaignLifecycleTest {

    private static final String GROUP = "longtail-evolver";

    private final KafkaTestClient kafka = KafkaTestClient.devStack();
    private final LoopDriver loop = new LoopDriver();
    private String seedSetId;

    @Inject
    CampaignRecovery recovery;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("lifecycle-fixture");
    }

    @Test
    void shouldHoldTheNextGenerationWhilePausedAndStartItOnResume() {
        String id = createCampaign(3, 6);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        control(id, "pause").statusCode(200).body("status", equalTo("PAUSED"))
                .body("statusChangedAt", notNullValue());

        completeAndAwaitRecorded(id, first, 3);
        campaign(id).body("status", equalTo("PAUSED")).body("currentGeneration", equalTo(1))
                .body("generationDetails", hasSize(1))
                .body("generationDetails[0].stage", equalTo("COMPLETE"));
        assertEquals(1, loop.seedsEvolved(id).size(), "no generation starts while the campaign is paused");

        control(id, "resume").statusCode(200).body("status", equalTo("RUNNING"))
                .body("currentGeneration", equalTo(2))
                .body("generationDetails[1].stage", equalTo("PUBLISHED"));
        assertEquals(2, loop.awaitGeneration(id, 2).generation());
    }

    @Test
    void shouldShowEachGenerationsStageAndCounts() {
        String id = createCampaign(2, 5);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        await().atMost(LoopDriver.PATIENCE).untilAsserted(() -> campaign(id)
                .body("generationDetails[0].stage", equalTo("PUBLISHED"))
                .body("generationDetails[0].curation", nullValue())
                .body("completedGenerations", equalTo(0)));

        control(id, "pause").statusCode(200);
        loop.deliver(sealed(first, 2));
        await().atMost(LoopDriver.PATIENCE).untilAsserted(() -> campaign(id)
                .body("generationDetails[0].stage", equalTo("SEALED"))
                .body("generationDetails[0].curation.generated", equalTo(5))
                .body("generationDetails[0].curation.accepted", equalTo(2))
                .body("generationDetails[0].curation.rejected", equalTo(3))
                .body("generationDetails[0].curation.anchorRecords", equalTo(2))
                .body("generationDetails[0].curation.rejectedByReason.'near-duplicate'", equalTo(3)));

        loop.deliver(evaluated(first, 0.9));
        await().atMost(LoopDriver.PATIENCE).untilAsserted(() -> campaign(id)
                .body("generationDetails[0].stage", equalTo("COMPLETE"))
                .body("generationDetails[0].evaluatedAt", notNullValue())
                .body("completedGenerations", equalTo(1)));
        given().queryParam("size", 200).when().get("/api/v1/campaigns").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.completedGenerations", equalTo(1));
    }

    @Test
    void shouldCancelForGoodRecordingWhatWasInFlightAndStartingNothing() {
        String id = createCampaign(3, 6);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        control(id, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));

        completeAndAwaitRecorded(id, first, 4);
        campaign(id).body("status", equalTo("CANCELLED")).body("currentGeneration", equalTo(1))
                .body("generationDetails[0].stage", equalTo("COMPLETE"))
                .body("generationDetails[0].accepted", equalTo(4));
        assertEquals(1, loop.seedsEvolved(id).size(), "a cancelled campaign starts no generation");

        for (String action : List.of("pause", "resume", "cancel")) {
            assertConflict(control(id, action), "CANCELLED");
        }
    }

    @Test
    void shouldRefuseTransitionsItsStatusDoesNotAllow() {
        String id = createCampaign(2, 4);
        assertConflict(control(id, "resume"), "RUNNING");
        assertConflict(given().when().post("/api/v1/campaigns/" + id + "/generations/1/retry").then(), "RUNNING");
        control(id, "pause").statusCode(200);
        assertConflict(control(id, "pause"), "PAUSED");
        given().when().post("/api/v1/campaigns/" + UUID.randomUUID() + "/pause")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/v1/campaigns/not-a-campaign/cancel")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFailAGenerationThatEvolvesNothingAndRetryItWithAFreshRandomSeed() {
        String longSet = Fixtures.givenNdjson().queryParam("name", "too-long").body(tooLongSeeds())
                .when().post("/api/v1/seed-sets").then().statusCode(201).extract().path("id");
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "doomed", "seedSetId", longSet,
                        "generations", 2, "samplesPerGeneration", 3))
                .when().post("/api/v1/campaigns").then().statusCode(201)
                .body("status", equalTo("FAILED")).body("failedGeneration", equalTo(1))
                .body("failureReason", containsString("too-long")).extract().path("id");

        assertConflict(given().when().post("/api/v1/campaigns/" + id + "/generations/2/retry").then(),
                "generation 1 did");
        given().when().post("/api/v1/campaigns/" + id + "/generations/1/retry").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("retries", equalTo(1)).body("failedGeneration", equalTo(1));
        given().when().post("/api/v1/campaigns/" + id + "/generations/x/retry").then().statusCode(404)
                .contentType("application/problem+json");
        control(id, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void shouldRetryAFailedLaterGenerationAndPublishIt() {
        String id = pausedWithFirstGenerationComplete();
        // generation 2's evolution failed (as when nothing survives elimination): the campaign stops at it
        change(id, campaign -> campaign.fail(2, "generation 2: evolution yielded no survivor"));
        campaign(id).body("status", equalTo("FAILED")).body("failedGeneration", equalTo(2));

        given().when().post("/api/v1/campaigns/" + id + "/generations/2/retry").then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("retries", equalTo(1))
                .body("failedGeneration", nullValue()).body("failureReason", nullValue())
                .body("currentGeneration", equalTo(2));
        SeedsEvolved second = loop.awaitGeneration(id, 2);
        assertEquals(5, second.seeds().size());
    }

    @Test
    void shouldForkAtAGenerationWithOtherSettingsFromTheParentsPool() {
        String id = createCampaign(3, 6);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        control(id, "pause").statusCode(200);
        DatasetSealed version = completeAndAwaitRecorded(id, first, 4);

        String fork = given().contentType(ContentType.JSON)
                .body(Map.of("generation", 1, "temperature", 0.6, "generations", 2, "samplesPerGeneration", 5))
                .when().post("/api/v1/campaigns/" + id + "/fork").then().statusCode(201)
                .body("status", equalTo("RUNNING"))
                .body("forkedFrom.campaignId", equalTo(id)).body("forkedFrom.generation", equalTo(1))
                .body("name", equalTo("lifecycle (fork at 1)"))
                .body("generations", equalTo(2)).body("randomSeed", equalTo(11))
                .body("arm.temperature", equalTo(0.6f)).body("arm.anchorPolicy", equalTo("tail-preserving"))
                .body("generationDetails[0].plan.temperature", equalTo(0.6f))
                .extract().path("id");

        CampaignStarted parentStart = started(id);
        CampaignStarted forkStart = started(fork);
        assertEquals(parentStart.referenceSeeds(), forkStart.referenceSeeds(), "the parent's split");
        assertEquals(parentStart.heldOutSeeds(), forkStart.heldOutSeeds());
        SeedsEvolved forkFirst = loop.awaitGeneration(fork, 1);
        assertEquals(version.records().stream().map(r -> new TrainingText(r.instruction(), r.input(), r.output()))
                .toList(), forkFirst.trainingCorpus(), "the fork trains on the parent's version at the fork point");
        List<String> kept = first.seeds().subList(0, 4).stream().map(s -> s.seedId()).toList();
        List<String> inherited = given().queryParam("generation", 0).queryParam("size", 200)
                .when().get("/api/v1/campaigns/" + fork + "/seeds").then().statusCode(200)
                .extract().path("items.findAll { it.origin == 'EVOLVED' }.id");
        assertEquals(kept, inherited, "the parent's accepted seeds, with their ids");
        campaign(id).body("status", equalTo("PAUSED"));
    }

    @Test
    void shouldRefuseAForkAtAGenerationThatIsNotComplete() {
        String id = createCampaign(3, 4);
        loop.awaitGeneration(id, 1);
        assertConflict(given().contentType(ContentType.JSON).body(Map.of("generation", 1))
                .when().post("/api/v1/campaigns/" + id + "/fork").then(), "not complete");
        given().contentType(ContentType.JSON).body(Map.of("generation", -1))
                .when().post("/api/v1/campaigns/" + id + "/fork").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("generation"));
        given().contentType(ContentType.JSON).body(Map.of("generation", 0))
                .when().post("/api/v1/campaigns/" + UUID.randomUUID() + "/fork").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("generation", 0, "name", "from the reference"))
                .when().post("/api/v1/campaigns/" + id + "/fork").then().statusCode(201)
                .body("forkedFrom.generation", equalTo(0)).body("generations", equalTo(3));
    }

    @Test
    void shouldResumeOnStartACampaignWhoseGenerationCompletedWithNothingAfterIt() {
        String id = pausedWithFirstGenerationComplete();
        // the state a stop leaves behind when it falls between recording generation 1 and starting generation 2
        change(id, campaign -> campaign.moveTo(CampaignStatus.RUNNING));

        List<String> resumed = recovery.resumeAll();

        assertTrue(resumed.contains(id + " generation 2"), resumed.toString());
        assertEquals(2, loop.awaitGeneration(id, 2).generation(), "the publish sweep sends what the start began");
        assertTrue(recovery.resumeAll().stream().noneMatch(r -> r.startsWith(id)), "driven once");
    }

    /** A 3-generation campaign of 5 samples, paused, whose generation 1 is complete (3 kept) and nothing after it. */
    private String pausedWithFirstGenerationComplete() {
        String id = createCampaign(3, 5);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        control(id, "pause").statusCode(200);
        completeAndAwaitRecorded(id, first, 3);
        return id;
    }

    /** Changes the campaign's row directly, as a failure or a crash would have left it. */
    private static void change(String id, java.util.function.Consumer<Campaign> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Campaign.findById(UUID.fromString(id))));
    }

    /** Delivers the generation's sealed version (its first {@code accepted} seeds kept) and evaluation; waits for both. */
    private DatasetSealed completeAndAwaitRecorded(String id, SeedsEvolved generation, int accepted) {
        DatasetSealed version = sealed(generation, accepted);
        loop.deliver(version);
        loop.deliver(evaluated(generation, 0.9));
        await().atMost(LoopDriver.PATIENCE).until(() -> kafka.caughtUp(GROUP,
                List.of(Topics.DATASETS_SEALED, Topics.EVALUATIONS_COMPLETED)));
        await().atMost(LoopDriver.PATIENCE).untilAsserted(() -> campaign(id)
                .body("generationDetails[" + (generation.generation() - 1) + "].stage", equalTo("COMPLETE")));
        return version;
    }

    private CampaignStarted started(String id) {
        return Events.read(await().atMost(LoopDriver.PATIENCE).until(
                () -> kafka.valuesWithKey(Topics.CAMPAIGNS_STARTED, id), v -> !v.isEmpty()).get(0),
                CampaignStarted.class);
    }

    private static void assertConflict(ValidatableResponse response, String detail) {
        response.statusCode(409).contentType("application/problem+json").body("status", equalTo(409))
                .body("detail", containsString(detail));
    }

    private static ValidatableResponse control(String id, String action) {
        return given().when().post("/api/v1/campaigns/" + id + "/" + action).then();
    }

    private static ValidatableResponse campaign(String id) {
        return given().when().get("/api/v1/campaigns/" + id).then().statusCode(200);
    }

    private String createCampaign(int generations, int samples) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "lifecycle", "seedSetId", seedSetId,
                "generations", generations, "samplesPerGeneration", samples, "randomSeed", 11));
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).body("status", equalTo("RUNNING")).extract().path("id");
    }

    /** Five seeds whose instructions are all over the evolution's word limit: every evolution is eliminated. */
    private static String tooLongSeeds() {
        String words = IntStream.range(0, 130).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        return IntStream.range(0, 5).mapToObj(i -> "{\"category\":\"c" + i + "\",\"instruction\":\"Explain " + i
                + " " + words + ".\",\"output\":\"An answer.\"}").collect(Collectors.joining("\n"));
    }
}
