package dev.longtail.evolver;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test data: a 30-seed, 5-category seed set, uploaded through the API. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture seed set as JSONL. */
    public static String seedsJsonl() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/seeds.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with a JSONL body (REST Assured must be told to send that content type as text). */
    public static RequestSpecification givenNdjson() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
                .contentType("application/x-ndjson");
    }

    /** Uploads the fixture seed set and returns its id. */
    public static String uploadSeedSet(String name) {
        return givenNdjson().queryParam("name", name).body(seedsJsonl())
                .when().post("/api/v1/seed-sets")
                .then().statusCode(201)
                .extract().path("id");
    }
}
