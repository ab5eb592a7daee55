package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The richer metrics in the campaign report, the HTML page, the JSONL export and the Prometheus gauges. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluatorReportTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    /** Starts a campaign with a varied generation 1 and a collapsed generation 2; returns its id once both are evaluated. */
    static String twoGenerations(KafkaTestClient kafka) {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 2));
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords()));
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.collapsedRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).body("complete", is(true)));
        return campaign;
    }

    @Test
    void shouldReportEveryMetricWithSampleSizesAndChangesAgainstGenerationZeroAndThePreviousOne() {
        String campaign = twoGenerations(kafka);
        given().accept("application/json").when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200)
                .body("reference.collapse.metrics.tailCoverage", is(1.0f))
                .body("reference.collapse.metrics.bigramJsd", is(0.0f))
                .body("reference.collapse.metrics", allOf(hasKey("vendiScore"), hasKey("selfBleu"), hasKey("distinct3"),
                        hasKey("compressionRatio"), hasKey("embeddingFrechetDistance"), hasKey("overProbableShare"),
                        hasKey("lengthP50"), hasKey("trigramEntropy")))
                .body("rows[0].collapse.sampleSizes.embeddings", is(5))
                .body("rows[0].collapse.sampleSizes.selfBleu", is(5))
                .body("rows[0].collapse.metrics", allOf(hasKey("rareClusterShare"), hasKey("centroidShift"),
                        hasKey("perplexityHistogramDistance"), hasKey("lengthHistogramDistance"), hasKey("unigramJsd")))
                .body("rows[0].collapse.lengthShares", notNullValue())
                .body("rows[0].changes.distinct2.vsGeneration0.delta", notNullValue())
                .body("rows[1].changes.selfBleu.vsPrevious.delta", greaterThan(0f))
                .body("rows[1].changes.vendiScore.vsPrevious.delta", lessThan(0f))
                .body("rows[1].changes.meanWords.vsPrevious.ratio", lessThan(0.5f))
                // the six loop metrics keep their place and meaning
                .body("rows[1].metrics.distinct2", notNullValue())
                .body("rows[1].verdict", is("COLLAPSING"));
    }

    @Test
    void shouldShowTheHeldOutTailCategoriesAndTheSyntheticPartAsAdditionalColumns() {
        String campaign = twoGenerations(kafka);
        var report = given().accept("application/json").when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200)
                .body("rows[0].collapse.metrics", allOf(hasKey("distinct2AtK"), hasKey("heldOutTailCoverage"),
                        hasKey("categoryCoverage"), hasKey("syntheticDistinct2"), hasKey("syntheticTailCoverage"),
                        hasKey("syntheticHeldOutTailCoverage")))
                .body("rows[0].collapse.sampleSizes.syntheticTexts", is(4))
                .body("rows[0].collapse.sampleSizes.distinctTokens", greaterThan(0))
                .body("rows[0].collapse.metrics.categoryCoverage", is(1.0f))
                .extract().jsonPath();
        // the anchor (a reference record) brings its own rare bigrams: the synthetic part alone reaches fewer
        org.junit.jupiter.api.Assertions.assertTrue(report.getDouble("rows[0].collapse.metrics.syntheticTailCoverage")
                < report.getDouble("rows[0].collapse.metrics.tailCoverage"));
        given().when().get("/api/v1/campaigns/{id}/report.html", campaign)
                .then().statusCode(200)
                .body(containsString("<table id=\"coverage\">"))
                .body(containsString("<td data-metric=\"syntheticDistinct2\">"))
                .body(containsString("data-metric=\"heldOutTailCoverage\""));
    }

    @Test
    void shouldAnswerJsonWhenTheClientAcceptsAnything() {
        String campaign = twoGenerations(kafka);
        given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).contentType("application/json").body("rows", hasSize(2));
    }

    @Test
    void shouldRenderAChartPerMetricAcrossGenerationsAsHtml() {
        String campaign = twoGenerations(kafka);
        given().when().get("/api/v1/campaigns/{id}/report.html", campaign)
                .then().statusCode(200).contentType("text/html")
                .body(containsString("data-metric=\"vendiScore\""))
                .body(containsString("data-metric=\"heldOutPerplexity\""))
                .body(containsString("id=\"verdict-2\">COLLAPSING"))
                .body(containsString("curation.anchorRatio"));
        // a browser asking for the report's own address gets the page too
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).contentType("text/html").body(containsString("data-metric=\"selfBleu\""));
        given().when().get("/api/v1/campaigns/{id}/report.html", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldExposeGaugesPerCampaignAndMetricForAlerts() {
        // a running campaign (2 of 3 generations evaluated): an ended campaign's gauges are removed (EvaluatorAdminTest)
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords()));
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.collapsedRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("longtail_evaluator_generation{campaign=\"" + campaign + "\"} 2.0")));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("longtail_evaluator_metric{campaign=\"" + campaign + "\",metric=\"distinct2\"}"))
                .body(containsString("longtail_evaluator_metric{campaign=\"" + campaign + "\",metric=\"vendiScore\"}"))
                .body(containsString("longtail_evaluator_verdict{campaign=\"" + campaign + "\"} 2.0"))
                .body(containsString("longtail_evaluator_collapsing{campaign=\"" + campaign + "\"} 1.0"))
                .body(containsString("longtail_evaluator_generation{campaign=\"" + campaign + "\"} 2.0"));
    }

    @Test
    void shouldExportAVersionsRecordsAsJsonLines() {
        String campaign = twoGenerations(kafka);
        String versionId = given().when().get("/api/v1/campaigns/{id}/report", campaign).then().extract()
                .path("rows[0].datasetVersionId");
        String body = given().when().get("/api/v1/dataset-versions/{id}/records.jsonl", versionId)
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(Fixtures.smallVersionRecords().size(), body.lines().count());
        given().when().get("/api/v1/dataset-versions/{id}/records.jsonl", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
