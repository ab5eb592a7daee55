package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The loop controller through the evaluator: a generation's adjustments get their outcome when the next generation is
 * evaluated, and advice that was not followed (measured harmful, or with feedback off) is in the report.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class LoopControlTest {

    // generous: the first campaign a test JVM evaluates loads the embedding model, slow on a busy machine
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String REPORT = "/api/v1/campaigns/{id}/report";

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldGiveTheFirstGenerationsAdjustmentsAnOutcomeOnceTheSecondIsEvaluated() {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 2));
        kafka.send(Topics.DATASETS_SEALED, campaign, sealed(campaign, 1, Fixtures.plan(), Fixtures.collapsedRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get(REPORT, campaign)
                .then().statusCode(200).body("rows", hasSize(1)));
        String first = given().when().get(REPORT, campaign).then()
                .body("rows[0].adjustments.status", everyItem(startsWith("pending")))
                .extract().asString();
        // doubles, not RestAssured's default floats: the plan must carry exactly the value asked for
        List<Map<String, Object>> asked = JsonPath.from(first)
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getList("rows[0].adjustments");
        assertFalse(asked.isEmpty(), "a collapsed generation asks for changes");

        // generation 2 runs generation 1's plan with its adjustments applied, as the evolver writes it
        kafka.send(Topics.DATASETS_SEALED, campaign,
                sealed(campaign, 2, applied(Fixtures.plan(), asked), Fixtures.smallVersionRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get(REPORT, campaign)
                .then().statusCode(200).body("complete", is(true)));

        given().accept("application/json").when().get(REPORT, campaign).then().statusCode(200)
                .body("rows[0].feedbackOn", is(true))
                .body("rows[0].adjustments", hasSize(asked.size()))
                .body("rows[0].adjustments.outcome", everyItem(oneOf("improved", "worsened", "unchanged")))
                .body("rows[0].adjustments.targetSignal", everyItem(notNullValue()))
                .body("rows[0].adjustments.before", everyItem(notNullValue()))
                .body("rows[0].adjustments.after", everyItem(notNullValue()))
                .body("rows[0].adjustments.applied", everyItem(is(true)))
                .body("rows[0].adjustments.status", everyItem(is("applied")))
                .body("rows[0].adjustments.find { it.parameter == 'curation.anchorRatio' }.direction", is("tighten"))
                .body("rows[0].adjustments.parameter", not(hasItem(Adjustment.TEMPERATURE)))
                .body("rows[0].withheld.find { it.parameter == 'sampling.temperature' }.action", is("withheld"))
                .body("rows[0].withheld.find { it.parameter == 'sampling.temperature' }.why",
                        startsWith("withheld: measured harmful ("))
                .body("rows[1].adjustments.status", everyItem(startsWith("pending")));
        given().when().get(REPORT + ".html", campaign).then().statusCode(200)
                .body(containsString("<table id=\"controller\">"))
                .body(containsString("withheld: measured harmful"))
                .body(containsString("<td>applied</td>"));
    }

    @Test
    void shouldShowAdviceAsProposedButNotAppliedWhenTheCampaignRunsWithoutFeedback() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan withoutFeedback = new GenerationPlan(0.5, new SamplingParameters(0.9, 0.95, 64, 7),
                new CurationPolicy(0.2, 0.8, 3, 300), null, false, null);
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 2));
        kafka.send(Topics.DATASETS_SEALED, campaign, sealed(campaign, 1, withoutFeedback, Fixtures.collapsedRecords()));
        kafka.send(Topics.DATASETS_SEALED, campaign, sealed(campaign, 2, withoutFeedback, Fixtures.collapsedRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get(REPORT, campaign)
                .then().statusCode(200).body("complete", is(true)));

        given().when().get(REPORT, campaign).then().statusCode(200)
                .body("rows[0].feedbackOn", is(false))
                .body("rows[0].adjustments.parameter", hasItem(Adjustment.ANCHOR_RATIO))
                .body("rows[0].adjustments.status", everyItem(is("proposed, not applied (feedback off)")))
                .body("rows[0].adjustments.applied", everyItem(is(false)))
                // the signal was measured anyway: what happened without the change
                .body("rows[0].adjustments.outcome", everyItem(notNullValue()));
    }

    private static String sealed(String campaign, int generation, GenerationPlan plan, List<DatasetRecord> records) {
        DatasetSealed s = Fixtures.sealed(UUID.randomUUID().toString(), campaign, generation, records);
        return Events.write(new DatasetSealed(s.schemaVersion(), s.datasetVersionId(), s.campaignId(), s.generation(),
                plan, s.counts(), s.anchorRecords(), s.records()));
    }

    /** The plan with the report's adjustments applied. */
    private static GenerationPlan applied(GenerationPlan plan, List<Map<String, Object>> adjustments) {
        double inBreadth = plan.inBreadthShare();
        double temperature = plan.sampling().temperature();
        double anchor = plan.curation().anchorRatio();
        double nearDuplicate = plan.curation().nearDuplicateThreshold();
        for (Map<String, Object> a : adjustments) {
            double to = ((Number) a.get("to")).doubleValue();
            switch ((String) a.get("parameter")) {
                case Adjustment.IN_BREADTH_SHARE -> inBreadth = to;
                case Adjustment.TEMPERATURE -> temperature = to;
                case Adjustment.ANCHOR_RATIO -> anchor = to;
                case Adjustment.NEAR_DUPLICATE_THRESHOLD -> nearDuplicate = to;
                default -> throw new AssertionError("unknown parameter " + a);
            }
        }
        var sampling = plan.sampling();
        var curation = plan.curation();
        return new GenerationPlan(inBreadth, new SamplingParameters(temperature, sampling.topP(), sampling.maxTokens(), 8),
                new CurationPolicy(anchor, nearDuplicate, curation.minWords(), curation.maxWords()));
    }
}
