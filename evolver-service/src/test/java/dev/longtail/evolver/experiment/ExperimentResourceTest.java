package dev.longtail.evolver.experiment;

import static dev.longtail.evolver.LoopDriver.evaluated;
import static dev.longtail.evolver.LoopDriver.sealed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import dev.longtail.evolver.FakeEvaluatorResource;
import dev.longtail.evolver.FakeGeneratorResource;
import dev.longtail.evolver.Fixtures;
import dev.longtail.evolver.LoopDriver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
class ExperimentResourceTest {

    private final KafkaTestClient kafka = KafkaTestClient.devStack();
    private final LoopDriver loop = new LoopDriver();

    @ConfigProperty(name = "longtail.evolver.evaluator-url")
    String evaluator;

    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("experiment-fixture");
    }

    @Test
    void shouldRunACampaignPerArmAndRandomSeedEachAnnouncedAsTheExperimentsArm() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(request(List.of(43L, 42L), arm("control", "anchorPolicy", "replace", "feedback", false),
                        arm("longtail", "anchorPolicy", "tail-preserving", "carryOver", 0.6, "candidateFactor", 3)))
                .when().post("/api/v1/experiments")
                .then().statusCode(201).header("Location", containsString("/api/v1/experiments/"))
                .body("name", equalTo("trial"))
                .body("status", equalTo("RUNNING"))
                .body("generations", equalTo(2))
                .body("samplesPerGeneration", equalTo(4))
                .body("randomSeeds", equalTo(List.of(43, 42)))
                .body("arms.name", equalTo(List.of("control", "longtail")))
                .body("arms[0].settings.anchorPolicy", equalTo("replace"))
                .body("arms[0].settings.feedback", equalTo(false))
                .body("arms[0].settings.topP", equalTo(0.95))
                .body("arms[1].settings.keepShare", closeTo(1.0 / 3, 1e-6))
                .body("arms[1].settings.tokenBudget", nullValue())
                .body("arms[0].campaigns.randomSeed", equalTo(List.of(43, 42)))
                .body("arms[1].campaigns.status", everyItem(equalTo("RUNNING")))
                .body("arms[1].campaigns.completedGenerations", everyItem(equalTo(0)))
                .extract().jsonPath();
        String id = created.getString("id");

        Map<String, Map<Long, CampaignStarted>> started = new HashMap<>();
        for (String arm : List.of("control", "longtail")) {
            for (long seed : List.of(42L, 43L)) {
                String campaignId = campaignOf(created, arm, seed);
                CampaignStarted event = Events.read(await().atMost(LoopDriver.PATIENCE).until(
                        () -> kafka.valuesWithKey(Topics.CAMPAIGNS_STARTED, campaignId), v -> !v.isEmpty()).get(0),
                        CampaignStarted.class);
                assertEquals(id, event.experimentId());
                assertEquals(arm, event.arm());
                assertEquals(seed, event.randomSeed());
                started.computeIfAbsent(arm, a -> new HashMap<>()).put(seed, event);
                given().when().get("/api/v1/campaigns/" + campaignId).then().statusCode(200)
                        .body("experimentId", equalTo(id)).body("armName", equalTo(arm));
            }
        }
        for (long seed : List.of(42L, 43L)) {
            assertEquals(ids(started.get("control").get(seed).referenceSeeds()),
                    ids(started.get("longtail").get(seed).referenceSeeds()), "one split per random seed");
        }
        assertEquals(12, loop.awaitGeneration(campaignOf(created, "longtail", 42), 1).seeds().size());
        given().when().get("/api/v1/experiments/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("arms[1].campaigns", hasSize(2));
    }

    @Test
    void shouldListExperimentsNewestFirstPageByPage() {
        String older = create(request(List.of(1L), arm("a")));
        String newer = create(request(List.of(1L), arm("a")));

        List<String> firstPage = given().queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/experiments").then().statusCode(200).body("items", hasSize(2))
                .body("next", equalTo(1)).extract().path("items.id");
        assertEquals(List.of(newer, older), firstPage);
        given().queryParam("page", 1).queryParam("size", 1).when().get("/api/v1/experiments")
                .then().statusCode(200).body("items[0].id", equalTo(older));
        given().queryParam("size", 0).when().get("/api/v1/experiments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAnInvalidExperimentNamingWhatIsWrong() {
        assertRejected(request(List.of(1L)), "arms");
        assertRejected(request(List.of(1L), arm("same"), arm("same")), "arms");
        assertRejected(request(List.of(1L), arm("Not A Name")), "arms[0].name");
        assertRejected(request(List.of(1L), arm("x".repeat(41))), "arms[0].name");
        assertRejected(request(List.of(), arm("a")), "randomSeeds");
        assertRejected(request(List.of(1L, 2L, 3L, 4L, 5L, 6L), arm("a")), "randomSeeds");
        assertRejected(request(List.of(1L, 1L), arm("a")), "randomSeeds");
        assertRejected(request(List.of(1L), arm("a"), arm("b"), arm("c"), arm("d"), arm("e"), arm("f"), arm("g")),
                "arms");
        assertRejected(request(List.of(1L), arm("a"), arm("b", "keepShare", 1.5)), "arms[1].keepShare");
        assertRejected(request(List.of(1L), arm("a", "anchorPolicy", "hoard")), "arms[0].anchorPolicy");
        Map<String, Object> tooLarge = request(List.of(1L), arm("a"), arm("b", "candidateFactor", 20));
        tooLarge.put("samplesPerGeneration", 300);
        assertRejected(tooLarge, "arms[1].candidateFactor");
        Map<String, Object> unknownSet = request(List.of(1L), arm("a"));
        unknownSet.put("seedSetId", "no-such-set");
        given().contentType(ContentType.JSON).body(unknownSet).when().post("/api/v1/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("no-such-set"));
        assertEquals(0, given().queryParam("size", 200).when().get("/api/v1/experiments").then().extract()
                .jsonPath().getList("items.findAll { it.seedSetId == 'no-such-set' }").size(), "nothing was created");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownExperiment() {
        for (String path : List.of("", "/report", "/report.html")) {
            given().when().get("/api/v1/experiments/" + UUID.randomUUID() + path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get("/api/v1/experiments/not-a-uuid").then().statusCode(404);
    }

    @Test
    void shouldCompareTheArmsFromTheEvaluatorsReportsPairedByRandomSeed() {
        JsonPath created = createExperiment(request(List.of(1L, 2L), arm("control", "feedback", false),
                arm("longtail", "candidateFactor", 2)));
        // reference perplexity differs per seed (100, 200): D takes it out
        serve(campaignOf(created, "control", 1), 100, 20, row(1, 120, 0.40, 20, "HEALTHY"),
                row(2, 150, 0.30, 16, "DRIFTING"));
        serve(campaignOf(created, "control", 2), 200, 20, row(1, 240, 0.50, 20, "HEALTHY"));
        serve(campaignOf(created, "longtail", 1), 100, 20, row(1, 108, 0.60, 21, "HEALTHY"),
                row(2, 110, 0.55, 20, "HEALTHY"));
        serve(campaignOf(created, "longtail", 2), 200, 20, row(1, 228, 0.70, 19, "HEALTHY"));

        given().when().get("/api/v1/experiments/" + created.getString("id") + "/report").then().statusCode(200)
                .body("experimentId", equalTo(created.getString("id")))
                .body("control", equalTo("control"))
                .body("complete", equalTo(false))
                .body("randomSeeds", equalTo(List.of(1, 2)))
                .body("reference.perplexity.mean", closeTo(150.0, 1e-9))
                .body("reference.perplexity.n", equalTo(2))
                .body("arms[0].settings.feedback", equalTo(false))
                .body("arms[0].generations.generation", equalTo(List.of(1, 2)))
                .body("arms[0].generations[0].perplexityRatio.mean", closeTo(1.2, 1e-9))
                .body("arms[0].generations[0].perplexityRatio.sd", closeTo(0.0, 1e-9))
                .body("arms[0].generations[1].perplexityRatio.mean", closeTo(1.5, 1e-9))
                .body("arms[0].generations[1].perplexityRatio.n", equalTo(1))
                .body("arms[0].generations[1].perplexityRatio.sd", nullValue())
                .body("arms[0].generations[1].lengthRatio.mean", closeTo(0.8, 1e-9))
                .body("arms[0].generations[1].verdicts", equalTo(Map.of("healthy", 0, "drifting", 1,
                        "collapsing", 0)))
                .body("arms[1].generations[0].perplexityRatio.mean", closeTo(1.11, 1e-9))
                .body("arms[1].generations[0].perplexityRatio.sd", closeTo(Math.sqrt(0.0018), 1e-9))
                .body("arms[1].generations[0].tailCoverage.mean", closeTo(0.65, 1e-9))
                .body("arms[1].generations[0].meanWords.mean", closeTo(20.0, 1e-9))
                .body("arms[1].generations[0].distinct2.n", equalTo(2))
                .body("differences.findAll { it.metric == 'perplexityRatio' && it.generation == 1 }[0].mean",
                        closeTo(-0.09, 1e-9))
                .body("differences.findAll { it.metric == 'perplexityRatio' && it.generation == 1 }[0].sd",
                        closeTo(Math.sqrt(0.0018), 1e-9))
                .body("differences.findAll { it.metric == 'tailCoverage' && it.generation == 1 }[0].mean",
                        closeTo(0.2, 1e-9))
                .body("differences.findAll { it.metric == 'perplexityRatio' && it.generation == 2 }[0].n",
                        equalTo(1))
                .body("differences.arm", everyItem(equalTo("longtail")))
                .body("differences.against", everyItem(equalTo("control")));

        given().accept("text/html").when().get("/api/v1/experiments/" + created.getString("id") + "/report.html")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<figure data-metric=\"perplexityRatio\">"))
                .body(containsString("<figure data-metric=\"tailCoverage\">"))
                .body(containsString("<figure data-metric=\"distinct2\">"))
                .body(containsString("<figure data-metric=\"lengthRatio\">"))
                .body(containsString("<g data-arm=\"longtail\">"))
                .body(containsString("1.11 ± 0.0424"))
                .body(containsString("proposed, not applied (feedback off)"))
                .body(not(containsString("<script")))
                .body(not(containsString("src=")))
                .body(not(containsString("href=")));
    }

    @Test
    void shouldCallTheReportCompleteOnlyOnceEveryCampaignHasCompleted() {
        JsonPath created = createExperiment(oneGeneration(request(List.of(7L), arm("only"))));
        String campaignId = campaignOf(created, "only", 7);
        String id = created.getString("id");
        serve(campaignId, 100, 20, row(1, 130, 0.4, 20, "HEALTHY"));
        given().when().get("/api/v1/experiments/" + id + "/report").then().statusCode(200)
                .body("complete", equalTo(false));

        var first = loop.awaitGeneration(campaignId, 1);
        loop.deliver(sealed(first, 2));
        loop.deliver(evaluated(first, 1.0));

        await().atMost(LoopDriver.PATIENCE).untilAsserted(() -> given().when().get("/api/v1/experiments/" + id)
                .then().body("status", equalTo("COMPLETED"))
                .body("arms[0].campaigns[0].completedGenerations", equalTo(1)));
        given().when().get("/api/v1/experiments/" + id + "/report").then().statusCode(200)
                .body("complete", equalTo(true))
                .body("arms[0].generations[0].perplexityRatio.mean", closeTo(1.3, 1e-9));
    }

    @Test
    void shouldLeaveOutCampaignsTheEvaluatorDoesNotKnowYet() {
        JsonPath created = createExperiment(request(List.of(1L, 2L), arm("a")));
        serve(campaignOf(created, "a", 1), 100, 20, row(1, 130, 0.4, 20, "HEALTHY"));

        given().when().get("/api/v1/experiments/" + created.getString("id") + "/report").then().statusCode(200)
                .body("arms[0].generations[0].perplexityRatio.n", equalTo(1))
                .body("reference.perplexity.n", equalTo(1))
                .body("differences", hasSize(0));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenTheEvaluatorCannotBeReached() {
        JsonPath created = createExperiment(request(List.of(1L), arm("a")));
        given().when().put(evaluator + "/fake/campaigns/" + campaignOf(created, "a", 1) + "/down")
                .then().statusCode(204);

        for (String path : List.of("/report", "/report.html")) {
            given().when().get("/api/v1/experiments/" + created.getString("id") + path)
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("The evaluator at " + evaluator + " cannot be reached"));
        }
        given().when().get("/api/v1/experiments/" + created.getString("id")).then().statusCode(200);
    }

    private void assertRejected(Map<String, Object> request, String field) {
        given().contentType(ContentType.JSON).body(request).when().post("/api/v1/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private String create(Map<String, Object> request) {
        return createExperiment(request).getString("id");
    }

    private JsonPath createExperiment(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).when().post("/api/v1/experiments")
                .then().statusCode(201).extract().jsonPath();
    }

    @SafeVarargs
    private Map<String, Object> request(List<Long> randomSeeds, Map<String, Object>... arms) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "trial");
        request.put("seedSetId", seedSetId);
        request.put("generations", 2);
        request.put("samplesPerGeneration", 4);
        request.put("randomSeeds", randomSeeds);
        request.put("arms", List.of(arms));
        return request;
    }

    private static Map<String, Object> oneGeneration(Map<String, Object> request) {
        request.put("generations", 1);
        return request;
    }

    private static Map<String, Object> arm(String name, Object... settings) {
        Map<String, Object> arm = new LinkedHashMap<>();
        arm.put("name", name);
        for (int i = 0; i < settings.length; i += 2) {
            arm.put((String) settings[i], settings[i + 1]);
        }
        return arm;
    }

    private static String campaignOf(JsonPath experiment, String arm, long randomSeed) {
        return experiment.getString("arms.find { it.name == '" + arm + "' }.campaigns.find { it.randomSeed == "
                + randomSeed + " }.campaignId");
    }

    private static List<String> ids(List<SeedRecord> seeds) {
        return seeds.stream().map(SeedRecord::seedId).toList();
    }

    /** Gives the fake evaluator a report shaped like the evaluator's CampaignReport, with fields the evolver ignores. */
    @SafeVarargs
    private void serve(String campaignId, double referencePerplexity, double referenceWords,
            Map<String, Object>... rows) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("campaignId", campaignId);
        report.put("generations", 2);
        report.put("completedGenerations", rows.length);
        report.put("complete", true);
        report.put("reference", Map.of("records", 24, "metrics", metrics(referencePerplexity, 1.0, referenceWords),
                "collapse", Map.of("metrics", Map.of("selfBleu", 0.1))));
        report.put("rows", List.of(rows));
        given().contentType(ContentType.JSON).body(report).when().put(evaluator + "/fake/campaigns/" + campaignId
                + "/report").then().statusCode(204);
    }

    private static Map<String, Object> row(int generation, double perplexity, double tailCoverage, double words,
            String verdict) {
        Map<String, Object> row = new HashMap<>();
        row.put("generation", generation);
        row.put("datasetVersionId", UUID.randomUUID().toString());
        row.put("accepted", 3);
        row.put("metrics", metrics(perplexity, tailCoverage, words));
        row.put("verdict", verdict);
        row.put("reasons", List.of("a reason"));
        row.put("adjustments", new ArrayList<>());
        row.put("plan", Map.of("inBreadthShare", 0.5, "temperature", 1.0));
        return row;
    }

    private static Map<String, Object> metrics(double perplexity, double tailCoverage, double words) {
        return Map.of("distinct1", 0.5, "distinct2", 0.8, "unigramEntropy", 7.0, "tailCoverage", tailCoverage,
                "heldOutPerplexity", perplexity, "meanWords", words);
    }

    /** Requests whose JSON numbers read as doubles, so that a decimal compares with {@code closeTo} exactly. */
    private static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }
}
