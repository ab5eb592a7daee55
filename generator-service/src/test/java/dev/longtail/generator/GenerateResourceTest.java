package dev.longtail.generator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
class GenerateResourceTest {

    private static final List<String> INSTRUCTIONS = List.of(
            "Explain how to make a simple tomato sauce.",
            "Describe how to sow carrot seeds.",
            "Give a tip for seeing more stars at night.");

    @Test
    void shouldReturnOneSamplePerInstruction() {
        given().contentType(ContentType.JSON).body(request(42, 0.95, INSTRUCTIONS))
                .when().post("/api/v1/generate")
                .then().statusCode(200)
                .body("backend", equalTo("embedded"))
                .body("model", equalTo("kneser-ney-3+knn8"))
                .body("samples", hasSize(3))
                .body("samples.instruction", equalTo(INSTRUCTIONS))
                .body("samples.tokens", everyItem(greaterThan(0)))
                .body("samples.tokens", everyItem(lessThanOrEqualTo(60)));
    }

    @Test
    void shouldSampleTheSameOutputsForTheSameRandomSeed() {
        List<String> first = outputs(request(7, 0.95, INSTRUCTIONS));
        List<String> again = outputs(request(7, 0.95, INSTRUCTIONS));
        assertEquals(first, again);
    }

    @Test
    void shouldRejectMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"trainingCorpus\": [")
                .when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRejectEmptyInstructions() {
        given().contentType(ContentType.JSON).body(request(1, 0.95, List.of()))
                .when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("instructions"));
    }

    @Test
    void shouldRejectTopPOfZero() {
        given().contentType(ContentType.JSON).body(request(1, 0.0, INSTRUCTIONS))
                .when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sampling.topP"));
    }

    @Test
    void shouldRejectEmptyTrainingCorpus() {
        var body = Map.of("trainingCorpus", List.of(), "instructions", INSTRUCTIONS,
                "sampling", Map.of("temperature", 1.0, "topP", 0.9, "maxTokens", 20, "randomSeed", 1));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/generate")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldListTheEmbeddedBackend() {
        given().when().get("/api/v1/backends")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].name", equalTo("embedded"))
                .body("[0].model", equalTo("kneser-ney-3+knn8"))
                .body("[0].healthy", equalTo(true));
    }

    private static List<String> outputs(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/generate")
                .then().statusCode(200).extract().path("samples.output");
    }

    private static Map<String, Object> request(long seed, double topP, List<String> instructions) {
        var corpus = Fixtures.trainingCorpus().stream()
                .map(t -> Map.of("instruction", t.instruction(), "input", t.input(), "output", t.output()))
                .toList();
        return Map.of("trainingCorpus", corpus, "instructions", instructions,
                "sampling", Map.of("temperature", 1.0, "topP", topP, "maxTokens", 60, "randomSeed", seed));
    }
}
