package dev.longtail.evolver.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class CampaignResourceTest {

    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("campaign-fixture");
    }

    @Test
    void shouldCreateCampaignWithFirstGenerationEvolvedFromTheReference() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "first", "seedSetId", seedSetId, "generations", 3, "samplesPerGeneration", 12,
                        "randomSeed", 7))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/campaigns/"))
                .body("status", equalTo("RUNNING"))
                .body("name", equalTo("first"))
                .body("seedSetId", equalTo(seedSetId))
                .body("generations", equalTo(3))
                .body("randomSeed", equalTo(7))
                .body("currentGeneration", equalTo(1))
                .body("referenceSeeds", greaterThan(0))
                .body("heldOutSeeds", greaterThan(0))
                .body("generationDetails", hasSize(1))
                .body("generationDetails[0].generation", equalTo(1))
                .body("generationDetails[0].evolved", equalTo(12))
                .body("generationDetails[0].plan.inBreadthShare", equalTo(0.5f))
                .body("generationDetails[0].plan.temperature", equalTo(1.0f))
                .body("generationDetails[0].plan.topP", equalTo(0.95f))
                .body("generationDetails[0].plan.maxTokens", equalTo(120))
                .body("generationDetails[0].plan.anchorRatio", equalTo(0.1f))
                .body("generationDetails[0].plan.nearDuplicateThreshold", equalTo(0.8f))
                .body("generationDetails[0].plan.minWords", equalTo(3))
                .body("generationDetails[0].plan.maxWords", equalTo(300))
                .extract().path("id");

        int reference = given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("id", equalTo(id)).extract().path("referenceSeeds");
        int heldOut = given().when().get("/api/v1/campaigns/" + id).then().extract().path("heldOutSeeds");
        org.junit.jupiter.api.Assertions.assertEquals(30, reference + heldOut);

        given().when().get("/api/v1/campaigns").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void shouldStartFromTheBundledDemoSeedsWhenNoSeedSetIsNamed() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "demo", "generations", 2, "samplesPerGeneration", 20))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("seedSetId", equalTo("demo"))
                .body("status", equalTo("RUNNING"))
                .body("randomSeed", equalTo(42))
                .body("generationDetails[0].evolved", equalTo(20));
    }

    @Test
    void shouldListThePoolWithLineage() {
        String id = createCampaign(2, 8);
        given().queryParam("generation", 1).when().get("/api/v1/campaigns/" + id + "/seeds")
                .then().statusCode(200)
                .body("items", hasSize(8))
                .body("items.id", everyItem(startsWith(id + ":g1:")))
                .body("items.origin", everyItem(equalTo("EVOLVED")))
                .body("items.parentId", everyItem(notNullValue()))
                .body("items.operator", everyItem(notNullValue()));
        given().queryParam("generation", 0).when().get("/api/v1/campaigns/" + id + "/seeds")
                .then().statusCode(200)
                .body("items.origin", everyItem(equalTo("REAL")))
                .body("items.output", everyItem(notNullValue()));
    }

    @Test
    void shouldCarryTheBackendChosenAtTheStartInTheGenerationPlan() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "on-vllm", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", 4,
                        "backend", "vllm"))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("generationDetails[0].plan.backend", equalTo("vllm"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "default", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", 4))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("generationDetails[0].plan", not(hasKey("backend")));
    }

    @Test
    void shouldRejectABackendTheGeneratorDoesNotKnowAndAcceptOneWhenTheGeneratorCannotAnswer() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "typo", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", 4,
                        "backend", "vlm"))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("no backend 'vlm'"))
                .body("errors.field", hasItem("backend"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "generator-trouble", "seedSetId", seedSetId, "generations", 2,
                        "samplesPerGeneration", 4, "backend", "broken"))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("generationDetails[0].plan.backend", equalTo("broken"));
    }

    @Test
    void shouldRejectABackendNameThatCannotBeOne() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", 4,
                        "backend", "no such/backend"))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("backend"));
    }

    @Test
    void shouldRejectZeroGenerations() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "zero", "seedSetId", seedSetId, "generations", 0, "samplesPerGeneration", 10))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("generations"));
    }

    @Test
    void shouldRejectNegativeAndExcessiveSampleCounts() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "negative", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", -1))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("samplesPerGeneration"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "huge", "seedSetId", seedSetId, "generations", 51, "samplesPerGeneration", 5001))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(2));
    }

    @Test
    void shouldRejectMalformedJsonSayingWhatIsWrong() {
        given().contentType(ContentType.JSON).body("{\"name\": \"broken\", \"generations\": ")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void shouldRejectUnknownSeedSet() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "orphan", "seedSetId", "no-such-set", "generations", 2, "samplesPerGeneration", 5))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("no-such-set"));
    }

    @Test
    void shouldAnswerNotFoundForUnknownCampaign() {
        given().when().get("/api/v1/campaigns/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/campaigns/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/campaigns/" + UUID.randomUUID() + "/seeds")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private String createCampaign(int generations, int samples) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "pool", "seedSetId", seedSetId, "generations", generations,
                        "samplesPerGeneration", samples))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }
}
