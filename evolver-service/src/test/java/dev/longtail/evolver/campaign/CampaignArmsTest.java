package dev.longtail.evolver.campaign;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.Fixtures;
import dev.longtail.evolver.LoopDriver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class CampaignArmsTest {

    private final KafkaTestClient kafka = KafkaTestClient.devStack();
    private final LoopDriver loop = new LoopDriver();
    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("arms-fixture");
    }

    @Test
    void shouldShowEveryArmSettingWithTheConfiguredDefaultsWhenTheRequestSetsNone() {
        String id = create(Map.of());

        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("arm.anchorPolicy", equalTo("tail-preserving"))
                .body("arm.anchorRatio", equalTo(0.1))
                .body("arm.feedback", equalTo(true))
                .body("arm.keepShare", equalTo(0.6))
                .body("arm.carryOver", equalTo(0.0))
                .body("arm.candidateFactor", equalTo(1))
                .body("arm.tokenBudget", nullValue())
                .body("arm.temperature", equalTo(1.0))
                .body("arm.topP", equalTo(0.95))
                .body("$", not(hasKey("experimentId")))
                .body("$", not(hasKey("armName")));
    }

    @Test
    void shouldCarryEveryArmSettingIntoGenerationOnesPlanOnTheTopic() {
        String id = create(Map.of("anchorPolicy", "accumulate-subsample", "anchorRatio", 0.2, "feedback", false,
                "keepShare", 0.4, "carryOver", 0.3, "candidateFactor", 2, "tokenBudget", 5000, "temperature", 0.8,
                "topP", 0.9));

        SeedsEvolved first = loop.awaitGeneration(id, 1);

        var plan = first.plan();
        assertEquals("accumulate-subsample", plan.curation().anchorPolicy());
        assertEquals(0.2, plan.curation().anchorRatio());
        assertEquals(0.4, plan.curation().keepShare());
        assertEquals(0.3, plan.curation().carryOver());
        assertEquals(5000, plan.curation().tokenBudget());
        assertEquals(Boolean.FALSE, plan.feedback());
        assertEquals(2, plan.candidateFactor());
        assertEquals(0.8, plan.sampling().temperature());
        assertEquals(0.9, plan.sampling().topP());
        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("arm.anchorPolicy", equalTo("accumulate-subsample"))
                .body("arm.tokenBudget", equalTo(5000))
                .body("generationDetails[0].plan.anchorPolicy", equalTo("accumulate-subsample"))
                .body("generationDetails[0].plan.candidateFactor", equalTo(2));
    }

    @Test
    void shouldKeepAboutOneGenerationsWorthOfTokensWhenTailPreservingWithCandidatesAndNoKeepShare() {
        String id = create(Map.of("anchorPolicy", "tail-preserving", "candidateFactor", 4));

        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("arm.keepShare", closeTo(0.25, 1e-9));
        assertEquals(0.25, loop.awaitGeneration(id, 1).plan().curation().keepShare(), 1e-9);
    }

    @Test
    void shouldEvolveSamplesPerGenerationTimesTheCandidateFactorSeeds() {
        String id = create(Map.of("samplesPerGeneration", 5, "candidateFactor", 3));

        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("samplesPerGeneration", equalTo(5))
                .body("generationDetails[0].evolved", equalTo(15));
        assertEquals(15, loop.awaitGeneration(id, 1).seeds().size());
        given().queryParam("generation", 1).when().get("/api/v1/campaigns/" + id + "/seeds")
                .then().statusCode(200).body("items", hasSize(15)).body("total", equalTo(15));
    }

    @Test
    void shouldShareTheSplitAndTheFirstEvolutionWithAnyArmOfTheSameRandomSeed() {
        String plain = create(Map.of("randomSeed", 5, "samplesPerGeneration", 6));
        String other = create(Map.of("randomSeed", 5, "samplesPerGeneration", 6, "candidateFactor", 3,
                "anchorPolicy", "replace", "temperature", 0.7, "feedback", false));
        String otherSeed = create(Map.of("randomSeed", 6, "samplesPerGeneration", 6));

        assertEquals(split(plain), split(other), "the same reference and held-out seeds");
        assertNotEquals(split(plain), split(otherSeed), "another random seed splits otherwise");
        List<EvolvedSeed> plainSeeds = loop.awaitGeneration(plain, 1).seeds();
        List<EvolvedSeed> otherSeeds = loop.awaitGeneration(other, 1).seeds();
        assertEquals(18, otherSeeds.size());
        assertEquals(evolution(plainSeeds), evolution(otherSeeds.subList(0, 6)),
                "the first samplesPerGeneration evolved seeds are the same whatever the candidate factor");
        assertNotEquals(evolution(plainSeeds), evolution(loop.awaitGeneration(otherSeed, 1).seeds()));
    }

    @Test
    void shouldRejectEachArmSettingOutsideItsRangeNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(body(Map.of("anchorPolicy", "keep-everything", "anchorRatio", 1.0, "keepShare", 0,
                        "carryOver", 1.0, "candidateFactor", 21, "tokenBudget", 0, "temperature", 2.5, "topP", 0)))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(8))
                .body("errors.field", hasItems("anchorPolicy", "anchorRatio", "keepShare", "carryOver",
                        "candidateFactor", "tokenBudget", "temperature", "topP"));
        given().contentType(ContentType.JSON).body(body(Map.of("candidateFactor", 0)))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("candidateFactor")));
        given().contentType(ContentType.JSON).body(body(Map.of("feedback", "maybe")))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400);
    }

    @Test
    void shouldAcceptTheEdgesOfEachRange() {
        String id = create(Map.of("anchorRatio", 0, "keepShare", 1, "carryOver", 0.99, "candidateFactor", 20,
                "samplesPerGeneration", 2, "tokenBudget", 1, "temperature", 2, "topP", 1));

        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("arm.candidateFactor", equalTo(20))
                .body("generationDetails[0].evolved", equalTo(40));
    }

    @Test
    void shouldRejectAGenerationOfMoreThanFiveThousandSeeds() {
        given().contentType(ContentType.JSON).body(body(Map.of("samplesPerGeneration", 2501, "candidateFactor", 2)))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("2501 × 2 = 5002"))
                .body("errors.field", hasItem("candidateFactor"));
    }

    /** The reference and held-out seed ids the campaign's CampaignStarted carries. */
    private List<List<String>> split(String campaignId) {
        CampaignStarted started = Events.read(org.awaitility.Awaitility.await().atMost(LoopDriver.PATIENCE)
                .until(() -> kafka.valuesWithKey(Topics.CAMPAIGNS_STARTED, campaignId), v -> !v.isEmpty()).get(0),
                CampaignStarted.class);
        return List.of(started.referenceSeeds().stream().map(SeedRecord::seedId).toList(),
                started.heldOutSeeds().stream().map(SeedRecord::seedId).toList());
    }

    /** What evolution made, without the campaign's own seed ids. */
    private static List<String> evolution(List<EvolvedSeed> seeds) {
        return seeds.stream().map(s -> s.parentSeedId() + " | " + s.operator() + " | " + s.instruction()).toList();
    }

    private String create(Map<String, Object> fields) {
        return given().contentType(ContentType.JSON).body(body(fields))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> body(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "arm", "seedSetId", seedSetId, "generations", 2,
                "samplesPerGeneration", 4));
        body.putAll(fields);
        return body;
    }

    /** Requests whose JSON numbers read as doubles, so that a decimal compares with {@code closeTo} exactly. */
    private static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }
}
