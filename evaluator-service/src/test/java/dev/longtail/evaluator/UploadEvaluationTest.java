package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import dev.longtail.devstack.testing.DevStackTestResource;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** POST /api/v1/evaluations: a platform's own JSONL dataset scored against its own reference. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class UploadEvaluationTest {

    private static final String PROBLEM = "application/problem+json";

    /**
     * A request that waits up to three minutes for its answer: a scored upload embeds every text with MiniLM and runs
     * eigendecompositions, which on a loaded 2-core machine passes RestAssured's default 30 s.
     */
    private static RequestSpecification patiently() {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 180_000)));
    }

    private static byte[] jsonl(List<String> texts, String category) {
        return texts.stream().map(t -> "{\"text\": \"" + t.replace("\"", "\\\"") + "\", \"category\": \"" + category + "\"}")
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldScoreAnUploadedDatasetAgainstItsReference() {
        byte[] reference = jsonl(Fixtures.SENTENCES, "nature");
        byte[] heldOut = jsonl(Fixtures.HELD_OUT, "nature");
        byte[] dataset = ("{\"instruction\": \"Write a sentence.\", \"output\": \"The cat sat.\"}\n"
                + "{\"instruction\": \"Write a sentence.\", \"output\": \"The cat sat.\"}\n"
                + "{\"instruction\": \"Write a sentence.\", \"output\": \"The cat sat down.\"}\n").getBytes(StandardCharsets.UTF_8);
        patiently().multiPart("dataset", "dataset.jsonl", dataset, "application/x-ndjson")
                .multiPart("reference", "reference.jsonl", reference, "application/x-ndjson")
                .multiPart("heldOut", "held-out.jsonl", heldOut, "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).contentType("application/json")
                .body("records", is(3))
                .body("referenceRecords", is(12))
                .body("heldOutRecords", is(3))
                .body("heldOutFromReference", is(false))
                .body("referenceMetrics.tailCoverage", is(1.0f))
                .body("metrics.selfBleu", greaterThan(0.5f))
                .body("metrics.tailCoverage", lessThan(0.1f))
                .body("sampleSizes.embeddings", is(3))
                .body("vsReference.heldOutPerplexity.ratio", greaterThan(1f))
                .body("verdict", is("COLLAPSING"))
                .body("reasons[0]", notNullValue());
    }

    @Test
    void shouldCallFortyRecordsOfOneCategoryCollapsingWithEverySignalThatFired() {
        // The held-out check of issue #11: one category of eight, one phrasing, against a diverse reference.
        patiently().multiPart("dataset", "one-category.jsonl", EightCategories.jsonl(EightCategories.collapsedCookingLines()),
                        "application/x-ndjson")
                .multiPart("reference", "reference.jsonl", EightCategories.jsonl(EightCategories.referenceLines()),
                        "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().log().ifValidationFails().statusCode(200)
                .body("records", is(40))
                .body("sizeMatched.referenceRecords", is(40))
                .body("verdict", is("COLLAPSING"))
                .body("signals.metric", hasItems("distinct2", "tailCoverage", "categoryCoverage"))
                .body("signals.size()", greaterThanOrEqualTo(3))
                .body("signals.level", everyItem(anyOf(is("COLLAPSING"), is("DRIFTING"))))
                .body("metrics.categoryCoverage", is(0.125f))
                .body("reasons.find { it.startsWith('7 of 8 reference categories are missing') }", notNullValue());
    }

    @Test
    void shouldCallFortyRecordsDrawnAtRandomFromTheReferenceHealthy() {
        List<String> reference = EightCategories.referenceLines();
        patiently().multiPart("dataset", "sample.jsonl", EightCategories.jsonl(EightCategories.randomSample(reference, 40, 7)),
                        "application/x-ndjson")
                .multiPart("reference", "reference.jsonl", EightCategories.jsonl(reference), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().log().ifValidationFails().statusCode(200)
                .body("verdict", is("HEALTHY"))
                .body("signals", hasSize(0))
                .body("sizeMatched.referenceRecords", is(40));
    }

    @Test
    void shouldHoldOutEveryFifthReferenceRecordWhenNoHeldOutPartIsGiven() {
        patiently().multiPart("dataset", "d.jsonl", jsonl(Fixtures.SENTENCES.subList(0, 6), "a"), "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("heldOutFromReference", is(true))
                .body("referenceRecords", is(10)).body("heldOutRecords", is(2));
    }

    @Test
    void shouldSayThatCategoryCoverageIsNotJudgedForRecordsWithoutCategory() {
        byte[] plain = Fixtures.SENTENCES.subList(0, 6).stream().map(t -> "{\"text\": \"" + t + "\"}")
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
        patiently().multiPart("dataset", "d.jsonl", plain, "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("notJudged", hasItem("category coverage: not judged, the dataset's records carry no category"))
                .body("signals.metric", not(hasItem("categoryCoverage")));
    }

    @Test
    void shouldRejectAMalformedLineWithItsNumber() {
        byte[] dataset = "{\"text\": \"fine\"}\n{not json\n".getBytes(StandardCharsets.UTF_8);
        given().multiPart("dataset", "d.jsonl", dataset, "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("dataset line 2"));
    }

    @Test
    void shouldRejectAnUploadWithoutReference() {
        given().multiPart("dataset", "d.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("reference"));
    }

    @Test
    void shouldRejectAnUploadWithoutDataset() {
        given().multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("dataset"))
                .body("errors[0].field", is("dataset"));
    }

    @Test
    void shouldRejectRecordsWithoutText() {
        given().multiPart("dataset", "d.jsonl", "{\"category\": \"x\"}".getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("neither `text`"));
    }

    @Test
    void shouldRejectATooSmallReferenceWithoutHeldOutPart() {
        given().multiPart("dataset", "d.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES.subList(0, 3), "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("at least 5"));
    }
}
