package dev.longtail.evolver.evolve;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class EvolveResourceTest {

    private static final List<Map<String, Object>> SEEDS = List.of(
            Map.of("id", "tea", "category", "cooking", "instruction", "Explain how to brew a pot of green tea."),
            Map.of("id", "bike", "category", "repair", "instruction", "Describe how to fix a flat bicycle tyre."),
            Map.of("category", "travel", "instruction", "Give advice for packing a small suitcase for a week."),
            Map.of("instruction", "Summarise why regular exercise helps people sleep better at night."));

    @Test
    void shouldEvolveSeedsIntoNewInstructionsWithTheirLineage() {
        var response = evolve(Map.of("seeds", SEEDS, "count", 6, "randomSeed", 5)).statusCode(200)
                .body("evolved", hasSize(6))
                .body("evolved.id", equalTo(List.of("evolved-1", "evolved-2", "evolved-3", "evolved-4", "evolved-5",
                        "evolved-6")))
                .body("evolved.parentId", everyItem(in(List.of("tea", "bike", "seed-3", "seed-4"))))
                .body("evolved.operator", everyItem(notNullValue()))
                .body("evolved.kind", everyItem(in(List.of("IN_DEPTH", "IN_BREADTH"))))
                .body("randomSeed", equalTo(5)).body("inBreadthShare", equalTo(0.5f))
                .extract().jsonPath();
        List<String> instructions = response.getList("evolved.instruction");
        assertEquals(instructions.size(), instructions.stream().distinct().count(), "no two alike");
        List<String> parents = SEEDS.stream().map(s -> (String) s.get("instruction")).toList();
        instructions.forEach(i -> assertFalse(parents.contains(i), "each one new: " + i));
        assertEquals("general", evolve(Map.of("seeds", List.of(SEEDS.get(3)), "count", 1, "randomSeed", 5))
                .statusCode(200).extract().path("evolved[0].category"));
    }

    @Test
    void shouldGiveTheSameAnswerForTheSameRequest() {
        Map<String, Object> request = Map.of("seeds", SEEDS, "count", 5, "randomSeed", 9, "inBreadthShare", 0.2);
        String once = evolve(request).statusCode(200).extract().asString();
        assertEquals(once, evolve(request).statusCode(200).extract().asString());
        Map<String, Object> other = new HashMap<>(request);
        other.put("randomSeed", 10);
        assertNotEquals(once, evolve(other).statusCode(200).extract().asString());
    }

    @Test
    void shouldRejectABadRequestNamingWhatIsWrong() {
        evolve(Map.of("seeds", List.of(), "count", 3)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("seeds"));
        evolve(Map.of("seeds", SEEDS, "count", 0)).statusCode(400).body("errors[0].field", equalTo("count"));
        evolve(Map.of("seeds", SEEDS, "count", 2, "inBreadthShare", 1.5)).statusCode(400)
                .body("errors[0].field", equalTo("inBreadthShare"));
        evolve(Map.of("seeds", List.of(Map.of("category", "x")), "count", 2)).statusCode(400)
                .body("errors[0].field", equalTo("seeds[0].instruction"));
        evolve(Map.of("seeds", List.of(SEEDS.get(0), SEEDS.get(0)), "count", 2)).statusCode(400)
                .body("errors[0].field", equalTo("seeds[1].id"));
        given().contentType(ContentType.JSON).body("{\"seeds\": [").when().post("/api/v1/evolve").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse evolve(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evolve").then();
    }
}
