package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import dev.longtail.devstack.testing.DevStackTestResource;
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
        given().multiPart("dataset", "dataset.jsonl", dataset, "application/x-ndjson")
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
    void shouldHoldOutEveryFifthReferenceRecordWhenNoHeldOutPartIsGiven() {
        given().multiPart("dataset", "d.jsonl", jsonl(Fixtures.SENTENCES.subList(0, 6), "a"), "application/x-ndjson")
                .multiPart("reference", "r.jsonl", jsonl(Fixtures.SENTENCES, "a"), "application/x-ndjson")
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).body("heldOutFromReference", is(true))
                .body("referenceRecords", is(10)).body("heldOutRecords", is(2));
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
