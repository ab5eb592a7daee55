package dev.longtail.evolver.evolution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.RecordSource;
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

/**
 * A campaign's evolution settings end to end: the operator set (validated), both forms (the LLM form against a
 * scripted OpenAI server), the failure rates per operator and rule in the status, and the bandit's weight changes
 * and the gaps before generation 2.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "evolver"))
@WithTestResource(FakeGeneratorResource.class)
@WithTestResource(FakeEvaluatorResource.class)
@WithTestResource(ScriptedOpenAiResource.class)
class CampaignEvolutionTest {

    private static final List<String> ALL_BUT_DEFAULT = List.of("deepen", "concretize", "increase-reasoning",
            "complicate-input", "crossover", "tail-mutation");

    private final LoopDriver loop = new LoopDriver();
    private String seedSetId;

    @BeforeEach
    void uploadSeeds() {
        seedSetId = Fixtures.uploadSeedSet("evolution-fixture");
    }

    private Map<String, Object> body(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "evolution", "seedSetId", seedSetId, "generations", 3,
                "samplesPerGeneration", 30, "randomSeed", 5));
        body.putAll(settings);
        return body;
    }

    private String create(Map<String, Object> settings) {
        return given().contentType(ContentType.JSON).body(body(settings)).when().post("/api/v1/campaigns")
                .then().statusCode(201).body("status", equalTo("RUNNING")).extract().path("id");
    }

    @Test
    void shouldRejectAnUnknownOperatorAndATwiceNamedOneWithAProblem() {
        given().contentType(ContentType.JSON).body(body(Map.of("operators", List.of("deepen", "mutate-wildly"))))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("operators")))
                .body("errors[0].message", containsString("mutate-wildly"));
        given().contentType(ContentType.JSON).body(body(Map.of("operators", List.of("deepen", "deepen"))))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body(Map.of("operators", List.of())))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body(Map.of("operatorForm", "telepathy")))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("operatorForm")));
    }

    @Test
    void shouldRejectAnUnknownOperatorOfAnExperimentArmNamingTheArm() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "trial", "seedSetId", seedSetId, "generations", 2, "samplesPerGeneration", 4,
                        "randomSeeds", List.of(1), "arms", List.of(Map.of("name", "uniform"),
                                Map.of("name", "odd", "operators", List.of("mutate-wildly")))))
                .when().post("/api/v1/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("arms[1].operators")));
    }

    @Test
    void shouldEvolveWithTheDefaultSetWhenTheRequestNamesNone() {
        String id = create(Map.of());
        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("evolution.operators", equalTo(List.of("add-constraints", "topic-shift")))
                .body("evolution.operatorForm", equalTo("rule"))
                .body("evolution.adaptiveOperators", equalTo(false))
                .body("evolution.gapDriven", equalTo(false))
                .body("generationDetails[0].evolution.gainJudge", containsString("rouge-l"));
    }

    @Test
    void shouldEvolveWithTheNamedRulesAndReportFailureRatesPerOperatorAndRule() {
        String id = create(Map.of("operators", ALL_BUT_DEFAULT));
        JsonPath campaign = given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("evolution.operators", equalTo(ALL_BUT_DEFAULT))
                .body("generationDetails[0].evolved", equalTo(30))
                .body("generationDetails[0].evolution.attempts", greaterThan(29))
                .extract().jsonPath();
        Map<String, Integer> attempts = campaign.getMap("generationDetails[0].evolution.attemptsByOperator");
        assertTrue(ALL_BUT_DEFAULT.containsAll(attempts.keySet()), attempts.toString());
        Map<String, Float> rates = campaign.getMap("generationDetails[0].evolution.failureRateByOperator");
        assertEquals(attempts.keySet(), rates.keySet());
        rates.values().forEach(rate -> assertTrue(rate >= 0 && rate <= 1, rates.toString()));
        given().when().get("/api/v1/campaigns/" + id + "/seeds?generation=1").then().statusCode(200)
                .body("items.operator", everyItem(in(ALL_BUT_DEFAULT)))
                .body("items.templateVersion", everyItem(equalTo(null)));
    }

    @Test
    void shouldEvolveThroughTheLlmFormAndRecordTheTemplateVersionOnEachSeed() {
        int before = ScriptedOpenAiResource.CALLS.get();
        String id = create(Map.of("operators", List.of("deepen", "topic-shift"), "operatorForm", "llm",
                "samplesPerGeneration", 4));
        given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("evolution.operatorForm", equalTo("llm"))
                .body("generationDetails[0].evolved", equalTo(4))
                .body("generationDetails[0].evolution.gainJudge", equalTo("llm judge judge-equal.v1"));
        given().when().get("/api/v1/campaigns/" + id + "/seeds?generation=1").then().statusCode(200)
                .body("items.templateVersion", everyItem(in(List.of("deepen.v1", "topic-shift.v1"))))
                .body("items.instruction", everyItem(containsString("of the tidal archive.")));
        // a rewrite, a probe answer and a judgement per survivor at least
        assertTrue(ScriptedOpenAiResource.CALLS.get() - before >= 12, "calls: " + (ScriptedOpenAiResource.CALLS.get() - before));
    }

    @Test
    void shouldListTheOperatorsWithTheirFormsAndTemplates() {
        given().when().get("/api/v1/operators").then().statusCode(200)
                .body("total", equalTo(8))
                .body("items.name", equalTo(List.of("add-constraints", "deepen", "concretize", "increase-reasoning",
                        "complicate-input", "topic-shift", "crossover", "tail-mutation")))
                .body("items.find { it.name == 'crossover' }.kind", equalTo("IN_BREADTH"))
                .body("items.find { it.name == 'deepen' }.forms", equalTo(List.of("rule", "llm")))
                .body("items.find { it.name == 'deepen' }.template", equalTo("deepen.v1"))
                .body("items.findAll { it.inDefaultSet }.name", equalTo(List.of("add-constraints", "topic-shift")));
        given().when().get("/api/v1/operators?page=1&size=5").then().statusCode(200)
                .body("items.name", equalTo(List.of("topic-shift", "crossover", "tail-mutation")));
        given().when().get("/api/v1/operators?size=0").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldMoveOperatorWeightsToWhatTheCuratorKeptAndFollowTheGapsInGenerationTwo() {
        String id = create(Map.of("operators", List.of("add-constraints", "deepen"), "adaptiveOperators", true,
                "gapDriven", true, "samplesPerGeneration", 60));
        SeedsEvolved first = loop.awaitGeneration(id, 1);
        loop.deliver(keepingOnly(first, "deepen"));
        loop.deliver(LoopDriver.evaluated(first, 1.0));
        loop.awaitGeneration(id, 2);
        JsonPath campaign = given().when().get("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("generationDetails[1].evolution.weightChanges", not(org.hamcrest.Matchers.empty()))
                .body("generationDetails[1].evolution.weightChanges.reason", hasItem(containsString("kept")))
                .body("generationDetails[1].evolution.gaps.donorWords", greaterThan(0))
                .body("generationDetails[1].evolution.gaps.rarest", notNullValue())
                .extract().jsonPath();
        List<Map<String, Object>> changes = campaign.getList("generationDetails[1].evolution.weightChanges");
        for (Map<String, Object> change : changes) {
            double from = ((Number) change.get("from")).doubleValue();
            double to = ((Number) change.get("to")).doubleValue();
            assertEquals(change.get("operator").equals("deepen"), to > from, change.toString());
            assertTrue(to >= 0.25 && to <= 4.0, "within bounds: " + change);
        }
        Map<String, Map<String, Float>> weights = campaign.getMap("generationDetails[1].evolution.operatorWeights");
        assertFalse(weights.isEmpty());
        campaign.getMap("generationDetails[0].evolution").keySet().forEach(k -> assertFalse(k.equals("gaps"),
                "generation 1 has no version to find gaps in"));
    }

    /** Generation g's version keeping only the samples of one operator (plus two real anchors). */
    private static DatasetSealed keepingOnly(SeedsEvolved generation, String operator) {
        List<DatasetRecord> records = new ArrayList<>();
        for (EvolvedSeed seed : generation.seeds()) {
            if (seed.operator().equals(operator)) {
                records.add(new DatasetRecord(seed.seedId() + ":sample", RecordSource.SYNTHETIC, seed.seedId(),
                        seed.parentSeedId(), seed.operator(), seed.category(), seed.instruction(), seed.input(),
                        "A kept answer with enough words to count as one."));
            }
        }
        DatasetSealed all = LoopDriver.sealed(generation, 0);
        records.addAll(all.records());
        int size = generation.seeds().size();
        return new DatasetSealed(Events.SCHEMA_VERSION, all.datasetVersionId(), generation.campaignId(),
                generation.generation(), generation.plan(), new DecisionCounts(size, records.size() - 2,
                        size - records.size() + 2, 0, Map.of()), 2, records);
    }
}
