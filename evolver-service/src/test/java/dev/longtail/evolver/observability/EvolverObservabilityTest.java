package dev.longtail.evolver.observability;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evolver's stalled-campaigns check, its runtime setting, and its metrics, against a real database. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class EvolverObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Test
    void shouldReportACampaignStalledLongerThanTheRuntimeSettingUntilTheSettingIsRaised() {
        String id = startCampaign("stalls");
        try {
            given().contentType(ContentType.JSON).body(Map.of("campaigns.stalledAfterSeconds", 1))
                    .when().patch("/admin/config")
                    .then().statusCode(200).body("'campaigns.stalledAfterSeconds'", is(1));
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/well")
                    .then().statusCode(503)
                    .body("checks.find { it.name == 'stalled-campaigns' }.status", is("DOWN"))
                    .body("checks.find { it.name == 'stalled-campaigns' }.data." + id, containsString("generation 1")));
            given().contentType(ContentType.JSON).body(Map.of("campaigns.stalledAfterSeconds", 0))
                    .when().patch("/admin/config")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("campaigns.stalledAfterSeconds"));
        } finally {
            given().contentType(ContentType.JSON).body(Map.of("campaigns.stalledAfterSeconds", 1800))
                    .when().patch("/admin/config").then().statusCode(200);
        }
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'stalled-campaigns' }.status", is("UP"));
        given().when().get("/admin/config/audit").then().statusCode(200)
                .body("[0].subject", is("campaigns.stalledAfterSeconds"))
                .body("[0].before", is("1"))
                .body("[0].after", is("1800"));
    }

    @Test
    void shouldCountCampaignsAndGenerationsAndDropACampaignsGaugeWhenItEnds() {
        String id = startCampaign("measured");
        String gauge = "longtail_evolver_campaign_generation{campaign=\"" + id + "\"}";
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("longtail_evolver_campaigns{state=\"RUNNING\"}"))
                .body(containsString("longtail_evolver_generations_started_total"))
                .body(containsString("longtail_evolver_seeds_evolved_total"))
                .body(containsString(gauge)));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE campaign SET status = 'COMPLETED' WHERE id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate());
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(not(containsString(gauge)))
                .body(containsString("longtail_evolver_campaigns{state=\"COMPLETED\"}")));
    }

    @Test
    void shouldShowTheEvolversConsumersAndDeadLetters() {
        given().when().get("/admin/consumers").then().statusCode(200)
                .body("find { it.channel == 'datasets-sealed' }.pausable", is(true))
                .body("find { it.channel == 'evaluations-completed' }.paused", is(false));
        given().when().get("/admin/dead-letters").then().statusCode(200).body("total", notNullValue());
        given().when().get("/admin/caches").then().statusCode(200);
    }

    private static String startCampaign(String name) {
        String seedSetId = Fixtures.uploadSeedSet("observability-" + name);
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "seedSetId", seedSetId, "generations", 3, "samplesPerGeneration", 6))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }
}
