package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluator's runtime verdict thresholds and per-campaign gauges, freed on request and when a campaign ends. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluatorAdminTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldChangeAVerdictThresholdAtRunTimeAndRefuseOneOutOfOrder() {
        given().when().get("/admin/config").then().statusCode(200)
                .body("'feedback.driftingPerplexityRatio'", is(1.3f));
        given().contentType("application/json").body(Map.of("feedback.driftingPerplexityRatio", 2.5))
                .when().patch("/admin/config")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("feedback.driftingPerplexityRatio"));
        try {
            given().contentType("application/json").body(Map.of("feedback.driftingPerplexityRatio", 1.5))
                    .when().patch("/admin/config")
                    .then().statusCode(200).body("'feedback.driftingPerplexityRatio'", is(1.5f));
        } finally {
            given().contentType("application/json").body(Map.of("feedback.driftingPerplexityRatio", 1.3))
                    .when().patch("/admin/config").then().statusCode(200);
        }
    }

    @Test
    void shouldDropACampaignsGaugesOnEvictionAndWhenItsLastGenerationIsEvaluated() {
        String running = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, running, Fixtures.campaignStarted(running, 3));
        kafka.send(Topics.DATASETS_SEALED, running, Fixtures.sealedJson(running, 1, Fixtures.smallVersionRecords()));
        String gauge = "longtail_evaluator_generation{campaign=\"" + running + "\"}";
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then().body(containsString(gauge)));
        given().when().post("/admin/caches/evict?campaign={id}", running).then().statusCode(200)
                .body("evicted.campaign-gauges", is(true));
        given().when().get("/q/metrics").then().body(not(containsString(gauge)));

        // a two-generation campaign: its gauges are there after generation 1 and gone once generation 2 is evaluated
        String ending = UUID.randomUUID().toString();
        String endingGauge = "longtail_evaluator_generation{campaign=\"" + ending + "\"}";
        kafka.send(Topics.CAMPAIGNS_STARTED, ending, Fixtures.campaignStarted(ending, 2));
        kafka.send(Topics.DATASETS_SEALED, ending, Fixtures.sealedJson(ending, 1, Fixtures.smallVersionRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then().body(containsString(endingGauge)));
        kafka.send(Topics.DATASETS_SEALED, ending, Fixtures.sealedJson(ending, 2, Fixtures.smallVersionRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", ending)
                .then().statusCode(200).body("rows.size()", is(2)));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics")
                .then().body(not(containsString("campaign=\"" + ending + "\""))));
    }
}
