package dev.longtail.evolver.seedset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.Fixtures;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class SeedSetResourceTest {

    @Test
    void shouldStoreUploadedSeedSetAndCountItsCategories() {
        String location = Fixtures.givenNdjson().queryParam("name", "fixture")
                .body(Fixtures.seedsJsonl())
                .when().post("/api/v1/seed-sets")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/seed-sets/"))
                .body("name", equalTo("fixture"))
                .body("seeds", equalTo(30))
                .body("categories.cooking", equalTo(6))
                .body("categories.astronomy", equalTo(6))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().when().get("/api/v1/seed-sets/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("seeds", equalTo(30));
        given().when().get("/api/v1/seed-sets")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void shouldAcceptPlainTextUploadsAndGiveIdsToSeedsWithoutOne() {
        String body = """
                {"category":"a","instruction":"Say one.","output":"One."}
                {"category":"a","instruction":"Say two.","output":"Two."}

                {"category":"b","instruction":"Say three.","output":"Three."}
                {"category":"b","instruction":"Say four.","output":"Four."}
                {"category":"b","instruction":"Say five.","output":"Five."}
                """;
        given().contentType("text/plain").queryParam("name", "plain").body(body)
                .when().post("/api/v1/seed-sets")
                .then().statusCode(201).body("seeds", equalTo(5)).body("categories.b", equalTo(3));
    }

    @Test
    void shouldReportEveryInvalidLineWithItsNumber() {
        String body = """
                {"id":"s1","category":"a","instruction":"Say one.","output":"One."}
                {"id":"s2","category":"a","instruction":"Say two.",
                {"id":"s3","category":"a","instruction":"Say three."}
                {"id":"s4","category":" ","instruction":"Say four.","output":"Four."}
                {"id":"s1","category":"a","instruction":"Say five.","output":"Five."}
                {"id":"s6","category":"a","instruction":"Say six.","output":"Six."}
                """;
        Fixtures.givenNdjson().queryParam("name", "broken").body(body)
                .when().post("/api/v1/seed-sets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(4))
                .body("errors.line", equalTo(java.util.List.of(2, 3, 4, 5)))
                .body("errors[0].message", containsString("malformed JSON"))
                .body("errors[1].message", containsString("missing output"))
                .body("errors[2].message", containsString("category is blank"))
                .body("errors[3].message", containsString("duplicate id 's1'"));
    }

    @Test
    void shouldRejectOverLongFields() {
        String longOutput = "x".repeat(20_001);
        String body = Fixtures.seedsJsonl()
                + "{\"category\":\"a\",\"instruction\":\"Say it.\",\"output\":\"" + longOutput + "\"}\n";
        Fixtures.givenNdjson().queryParam("name", "long").body(body)
                .when().post("/api/v1/seed-sets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].line", equalTo(31))
                .body("errors[0].message", containsString("longer than"));
    }

    @Test
    void shouldRejectEmptySeedSet() {
        Fixtures.givenNdjson().queryParam("name", "empty").body("")
                .when().post("/api/v1/seed-sets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("empty"));
    }

    @Test
    void shouldRejectSeedSetWithFewerThanFiveSeeds() {
        String body = """
                {"category":"a","instruction":"Say one.","output":"One."}
                {"category":"a","instruction":"Say two.","output":"Two."}
                """;
        Fixtures.givenNdjson().queryParam("name", "small").body(body)
                .when().post("/api/v1/seed-sets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at least 5"));
    }

    @Test
    void shouldRejectSeedSetOfMoreThanTenThousandLines() {
        String line = "{\"category\":\"a\",\"instruction\":\"Say it.\",\"output\":\"It.\"}\n";
        Fixtures.givenNdjson().queryParam("name", "huge").body(line.repeat(10_001))
                .when().post("/api/v1/seed-sets")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void shouldRequireName() {
        Fixtures.givenNdjson().body(Fixtures.seedsJsonl())
                .when().post("/api/v1/seed-sets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerNotFoundForUnknownSeedSet() {
        given().when().get("/api/v1/seed-sets/no-such-set")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", endsWith("no-such-set"));
    }

    @Test
    void shouldLoadTheBundledDemoSeedSet() {
        assertNotNull(getClass().getResource("/" + SeedSetService.DEMO_RESOURCE), "seeds/demo.jsonl must be bundled");
        given().when().get("/api/v1/seed-sets/demo")
                .then().statusCode(200)
                .body("seeds", greaterThanOrEqualTo(5));
    }
}
