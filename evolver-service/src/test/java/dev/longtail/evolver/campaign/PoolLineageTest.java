package dev.longtail.evolver.campaign;

import static dev.longtail.evolver.LoopDriver.evaluated;
import static dev.longtail.evolver.LoopDriver.sealed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.Fixtures;
import dev.longtail.evolver.LoopDriver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A seed's lineage, the pool's statistics and the paging of the pool. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class PoolLineageTest {

    private final LoopDriver loop = new LoopDriver();
    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("lineage-fixture");
    }

    @Test
    void shouldTraceAnEvolvedSeedUpToItsRealSeedWithEachStepsDecision() {
        String id = createCampaign(3, 30);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        loop.deliver(sealed(first, 20));
        loop.deliver(evaluated(first, 1.0));
        SeedsEvolved second = loop.awaitGeneration(id, 2);
        EvolvedSeed grandchild = second.seeds().stream().filter(s -> s.parentSeedId().startsWith(id + ":g1:"))
                .findFirst().orElseThrow(() -> new AssertionError("generation 2 evolves a kept seed of generation 1"));

        JsonPath lineage = given().when().get("/api/v1/seeds/" + grandchild.seedId() + "/lineage").then()
                .statusCode(200).body("seedId", equalTo(grandchild.seedId())).body("campaignId", equalTo(id))
                .body("depth", equalTo(2)).body("steps", hasSize(3))
                .extract().jsonPath();
        assertEquals(List.of(grandchild.seedId(), grandchild.parentSeedId()), lineage.getList("steps.seedId")
                .subList(0, 2));
        assertEquals(List.of(2, 1, 0), lineage.getList("steps.generation"));
        assertEquals(List.of("EVOLVED", "EVOLVED", "REAL"), lineage.getList("steps.origin"));
        assertEquals("PENDING", lineage.getString("steps[0].decision"));
        assertEquals(grandchild.operator(), lineage.getString("steps[0].operator"));
        assertEquals("KEPT", lineage.getString("steps[1].decision"));
        assertEquals(id + ":v1", lineage.getString("steps[1].datasetVersionId"));
        assertEquals(lineage.getString("steps[1].parentId"), lineage.getString("steps[2].seedId"));
        assertNull(lineage.getString("steps[2].decision"), "a real seed has no curator decision");

        String notKept = first.seeds().get(25).seedId();
        given().when().get("/api/v1/seeds/" + notKept + "/lineage").then().statusCode(200)
                .body("steps[0].decision", equalTo("NOT_KEPT")).body("steps[0]", not(hasKey("templateVersion")));
    }

    @Test
    void shouldAskWhichCampaignARealSeedSharedByCampaignsBelongsTo() {
        String one = createCampaign(2, 4);
        createCampaign(2, 4);
        String realSeed = given().queryParam("generation", 0).when().get("/api/v1/campaigns/" + one + "/seeds")
                .then().statusCode(200).extract().path("items[0].id");

        given().when().get("/api/v1/seeds/" + realSeed + "/lineage").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("campaignId"));
        given().queryParam("campaignId", one).when().get("/api/v1/seeds/" + realSeed + "/lineage").then()
                .statusCode(200).body("depth", equalTo(0)).body("steps[0].origin", equalTo("REAL"));
        given().when().get("/api/v1/seeds/no-such-seed/lineage").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("campaignId", UUID.randomUUID()).when().get("/api/v1/seeds/" + realSeed + "/lineage")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldCountThePoolByCategoryAndOperator() {
        String id = createCampaign(2, 10);
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        int reference = given().when().get("/api/v1/campaigns/" + id).then().extract().path("referenceSeeds");

        given().when().get("/api/v1/campaigns/" + id + "/pool/stats").then().statusCode(200)
                .body("total.real", equalTo(reference)).body("total.evolved", equalTo(10))
                .body("total.decided", equalTo(0)).body("total", not(hasKey("keptShare")));

        loop.deliver(sealed(first, 4));
        loop.deliver(evaluated(first, 1.0));
        loop.awaitGeneration(id, 2);
        JsonPath stats = given().when().get("/api/v1/campaigns/" + id + "/pool/stats").then().statusCode(200)
                .body("total.real", equalTo(reference)).body("total.evolved", equalTo(20))
                .body("total.decided", equalTo(10)).body("total.kept", equalTo(4))
                .body("total.keptShare", equalTo(0.4f))
                .body("byCategory.name", hasItem("cooking"))
                .extract().jsonPath();
        assertEquals(reference, stats.<Integer>getList("byCategory.counts.real").stream().mapToInt(i -> i).sum());
        assertEquals(20, stats.<Integer>getList("byOperator.counts.evolved").stream().mapToInt(i -> i).sum());
        assertEquals(4, stats.<Integer>getList("byOperator.counts.kept").stream().mapToInt(i -> i).sum());
        assertTrue(stats.<Integer>getList("byOperator.counts.real").stream().allMatch(r -> r == 0),
                "operators count evolved seeds only");
        given().when().get("/api/v1/campaigns/" + UUID.randomUUID() + "/pool/stats").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldPageThePoolWithItsTotalAndTheNextPage() {
        String id = createCampaign(2, 8);
        given().queryParam("generation", 1).queryParam("size", 3).when().get("/api/v1/campaigns/" + id + "/seeds")
                .then().statusCode(200).body("items", hasSize(3)).body("total", equalTo(8))
                .body("page", equalTo(0)).body("size", equalTo(3)).body("next", equalTo(1))
                .body("items[0].id", equalTo(id + ":g1:1"));
        given().queryParam("generation", 1).queryParam("size", 3).queryParam("page", 2)
                .when().get("/api/v1/campaigns/" + id + "/seeds")
                .then().statusCode(200).body("items", hasSize(2)).body("items[1].id", equalTo(id + ":g1:8"))
                .body("$", not(hasKey("next")));
        given().queryParam("size", 1).when().get("/api/v1/campaigns").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("next", equalTo(1));
    }

    @Test
    void shouldRejectBadPagingOnEveryList() {
        for (String list : List.of("/api/v1/campaigns", "/api/v1/seed-sets", "/api/v1/experiments")) {
            for (Map<String, String> bad : List.of(Map.of("page", "-1"), Map.of("page", "abc"), Map.of("size", "0"),
                    Map.of("size", "201"), Map.of("size", "1.5"), Map.of("page", "2147483647"))) {
                String field = bad.keySet().iterator().next();
                given().queryParams(bad).when().get(list).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo(field));
            }
            given().queryParam("page", 1000).when().get(list).then().statusCode(200).body("items", hasSize(0))
                    .body("next", nullValue());
        }
        String id = createCampaign(2, 4);
        given().queryParam("page", "x").when().get("/api/v1/campaigns/" + id + "/seeds").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private String createCampaign(int generations, int samples) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "lineage", "seedSetId", seedSetId, "generations", generations,
                        "samplesPerGeneration", samples, "randomSeed", 23))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }
}
