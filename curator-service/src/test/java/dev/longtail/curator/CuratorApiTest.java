package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.curator.dataset.DatasetExport;
import dev.longtail.curator.version.CampaignCuration;
import dev.longtail.devstack.testing.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;

/** The synchronous curation API, the admin thresholds, anchor policies, counts, exports and selection. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CampaignCuration curation;

    private static Map<String, Object> sample(String id, String instruction, String output) {
        return Map.of("id", id, "instruction", instruction, "input", "", "output", output);
    }

    @Test
    void shouldDecideEverySampleOfASynchronousBatchWithStageScoreAndThreshold() {
        String output = Fixtures.text(1, 40);
        var body = Map.of("semantic", false, "samples", List.of(
                sample("a", "Describe " + Fixtures.text(2, 5), output),
                sample("b", "Describe " + Fixtures.text(2, 5), output),
                sample("c", "Rewrite the prompt", "#Rewritten Prompt#: " + Fixtures.text(3, 30)),
                sample("d", "Explain " + Fixtures.text(4, 5), "As an AI language model, I cannot " + Fixtures.text(5, 20)),
                sample("e", "Say", "Yes.")));
        given().contentType("application/json").body(body)
                .when().post("/api/v1/curate")
                .then().statusCode(200)
                .body("samples", is(5))
                .body("accepted", is(1))
                .body("rejectedByReason.EXACT_DUPLICATE", is(1))
                .body("decisions[0].accepted", is(true))
                .body("decisions[0].reason", nullValue())
                .body("decisions[1].reason", is("EXACT_DUPLICATE"))
                .body("decisions[2].reason", is("TEMPLATE_LEAK"))
                .body("decisions[2].stage", is("template-leak"))
                .body("decisions[3].reason", is("REFUSAL"))
                .body("decisions[4].reason", is("TOO_SHORT"))
                .body("decisions[4].score", is(1.0f))
                .body("decisions[4].threshold", is(3.0f));
    }

    @Test
    void shouldRejectASemanticDuplicateThatNoLexicalStageCatches() {
        String original = "Resting lets the meat cool slightly, so its juices thicken and are less likely to run out when you "
                + "cut it. If you slice immediately, more liquid ends up on the board instead of in the meat. For a typical "
                + "steak, five to ten minutes loosely tented with foil is enough.";
        // four words swapped for synonyms: a quarter of the word 5-grams change, the meaning does not
        String paraphrase = original.replace("lets", "allows").replace("slightly", "a little")
                .replace("immediately", "right away").replace("enough", "sufficient");
        // no instruction: a platform curating plain texts; the embedding then compares the outputs alone
        var body = Map.of("samples", List.of(sample("steak-1", "", original), sample("steak-2", "", paraphrase)));
        var response = given().contentType("application/json").body(body)
                .when().post("/api/v1/curate")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(response.getBoolean("decisions[0].accepted"));
        assertEquals("SEMANTIC_DUPLICATE", response.getString("decisions[1].reason"),
                () -> "scores of the paraphrase: " + response.getMap("decisions[1].scores"));
        assertEquals("semantic-duplicate", response.getString("decisions[1].stage"));
        assertEquals("steak-1", response.getString("decisions[1].duplicateOf"));
        assertTrue(response.getDouble("decisions[1].scores.near-duplicate") < 0.8);
    }

    @Test
    void shouldCheckABatchAgainstACampaignsHistoryWithoutJoiningIt() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        curation.recordReference(campaign, Events.read(Fixtures.campaignStarted(campaign, 4), CampaignStarted.class));
        String output = Fixtures.text(11, 40);
        curation.decide(campaign, Fixtures.generated(campaign, 1, 3, 0, "Describe " + Fixtures.text(12, 5), output, plan));
        var body = Map.of("campaignId", campaign, "semantic", false,
                "samples", List.of(sample("mine", "Describe " + Fixtures.text(12, 5), output)));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body(body)
                    .when().post("/api/v1/curate")
                    .then().statusCode(200)
                    .body("campaignId", is(campaign))
                    .body("decisions[0].reason", is("EXACT_DUPLICATE"));
        }
        given().when().get("/api/v1/campaigns/{id}/decisions", campaign)
                .then().statusCode(200).body("$", hasSize(1));
        given().contentType("application/json").body(Map.of("campaignId", UUID.randomUUID().toString(),
                        "samples", List.of(sample("x", "Describe it well", output))))
                .when().post("/api/v1/curate")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldAnswerBadBatchesWithProblemDetails() {
        given().contentType("application/json").body(Map.of("samples", List.of()))
                .when().post("/api/v1/curate").then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body("{\"samples\": [")
                .when().post("/api/v1/curate").then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body(Map.of("samples", List.of(sample("a", "Say it now", "x y z"),
                        sample("a", "Say it now", "x y z"))))
                .when().post("/api/v1/curate").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("more than once"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(sample("s" + i, "Say it now", "x y z"));
        }
        given().contentType("application/json").body(Map.of("samples", tooMany))
                .when().post("/api/v1/curate").then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void shouldChangeThresholdsAtRunTimeAndRefuseBadValuesWithoutChangingAnything() {
        given().when().get("/admin/curation/thresholds")
                .then().statusCode(200).body("maxWords", is(300)).body("semanticInLoop", is(false));
        given().contentType("application/json").body(Map.of("maxWords", 500, "nearDuplicateThreshold", 1.5))
                .when().patch("/admin/curation/thresholds")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("nearDuplicateThreshold"));
        given().contentType("application/json").body(Map.of("noSuchThreshold", 1))
                .when().patch("/admin/curation/thresholds")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body(Map.of("semanticInLoop", "yes"))
                .when().put("/admin/curation/thresholds")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body(Map.of("selectionKeepShare", 0))
                .when().patch("/admin/curation/thresholds")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("selectionKeepShare"));
        given().when().get("/admin/curation/thresholds").then().body("maxWords", is(300))
                .body("selectionKeepShare", is(0.6f));
        try {
            given().contentType("application/json").body(Map.of("maxWords", 5))
                    .when().patch("/admin/curation/thresholds")
                    .then().statusCode(200).body("maxWords", is(5));
            given().contentType("application/json").body(Map.of("semantic", false,
                            "samples", List.of(sample("long", "Explain " + Fixtures.text(21, 5), Fixtures.text(22, 20)))))
                    .when().post("/api/v1/curate")
                    .then().statusCode(200).body("decisions[0].reason", is("TOO_LONG")).body("decisions[0].threshold", is(5.0f));
        } finally {
            given().contentType("application/json").body(Map.of("maxWords", 300))
                    .when().patch("/admin/curation/thresholds").then().statusCode(200);
        }
    }

    @Test
    void shouldAccumulateEarlierGenerationsAndEveryReferenceRecordUnderTheAccumulatePolicy() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        given().contentType("application/json").body(Map.of("anchorPolicy", "keep-it-all"))
                .when().put("/admin/campaigns/{id}/anchor-policy", campaign)
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json").body(Map.of("anchorPolicy", "accumulate"))
                .when().put("/admin/campaigns/{id}/anchor-policy", campaign)
                .then().statusCode(200).body("anchorPolicy", is("ACCUMULATE"));
        curation.recordReference(campaign, Events.read(Fixtures.campaignStarted(campaign, 5), CampaignStarted.class));
        Optional<UUID> first = Optional.empty();
        for (int n = 0; n < 2; n++) {
            first = curation.decide(campaign, Events.read(Fixtures.distinct(campaign, 1, 2, n, plan),
                    dev.longtail.contracts.SampleGenerated.class));
        }
        assertTrue(first.isPresent());
        Optional<UUID> second = Optional.empty();
        for (int n = 0; n < 3; n++) {
            second = curation.decide(campaign, Events.read(Fixtures.distinct(campaign, 2, 3, n, plan),
                    dev.longtail.contracts.SampleGenerated.class));
        }
        assertTrue(second.isPresent());
        given().when().get("/api/v1/datasets/{id}/records", second.get())
                .then().statusCode(200).body("$", hasSize(3 + 2 + 5))
                .body("findAll { it.source == 'REAL' }", hasSize(5));
        given().when().get("/api/v1/datasets/{id}/counts", second.get())
                .then().statusCode(200).body("byStatus.ACCEPTED", is(3));
    }

    @Test
    void shouldExportAVersionAsJsonlAndParquetForHuggingFaceDatasets() throws Exception {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.34);
        curation.recordReference(campaign, Events.read(Fixtures.campaignStarted(campaign, 3), CampaignStarted.class));
        Optional<UUID> sealed = Optional.empty();
        for (int n = 0; n < 2; n++) {
            sealed = curation.decide(campaign, Events.read(Fixtures.distinct(campaign, 1, 2, n, plan),
                    dev.longtail.contracts.SampleGenerated.class));
        }
        UUID version = sealed.orElseThrow();

        String jsonl = given().queryParam("format", "jsonl").when().get("/api/v1/datasets/{id}/export", version)
                .then().statusCode(200).contentType("application/x-ndjson")
                .header("Content-Disposition", containsString(".jsonl")).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(3, lines.size(), "2 synthetic + round(0.34/0.66 * 2) = 1 anchor");
        JsonNode synthetic = lines.get(0);
        assertEquals(List.of("instruction", "input", "output", "category", "source", "generation", "provenance"),
                iterable(synthetic));
        assertEquals("synthetic", synthetic.get("source").asText());
        assertEquals(1, synthetic.get("generation").asInt());
        assertEquals("embedded", synthetic.get("provenance").get("backend").asText());
        assertEquals(version.toString(), synthetic.get("provenance").get("dataset_version_id").asText());
        assertEquals("real", lines.get(2).get("source").asText());
        assertEquals(0, lines.get(2).get("generation").asInt());

        byte[] parquet = given().queryParam("format", "parquet").when().get("/api/v1/datasets/{id}/export", version)
                .then().statusCode(200).contentType("application/vnd.apache.parquet").extract().asByteArray();
        assertArrayEquals("PAR1".getBytes(), Arrays.copyOfRange(parquet, 0, 4));
        assertArrayEquals("PAR1".getBytes(), Arrays.copyOfRange(parquet, parquet.length - 4, parquet.length));
        Path file = Files.createTempFile("export", ".parquet");
        try {
            Files.write(file, parquet);
            var options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
            try (var reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
                assertEquals(3, reader.getRecordCount());
                assertEquals(DatasetExport.SCHEMA, reader.getFooter().getFileMetaData().getSchema());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        given().queryParam("format", "csv").when().get("/api/v1/datasets/{id}/export", version)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldSelectUnderABudgetKeepingTheRareClusterAndReportShares() {
        List<String> reference = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            reference.add("the football match ended with a late goal from the striker " + Fixtures.text(100 + i, 3));
        }
        for (int i = 0; i < 2; i++) {
            reference.add("the violin sonata opens with a slow movement in a minor key " + Fixtures.text(200 + i, 3));
        }
        List<Map<String, String>> candidates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candidates.add(Map.of("id", "sport-" + i, "text", "the football match ended with a goal " + Fixtures.text(300 + i, 3)));
        }
        for (int i = 0; i < 5; i++) {
            candidates.add(Map.of("id", "music-" + i, "text", "the violin sonata opens with a slow movement " + Fixtures.text(400 + i, 3)));
        }
        given().contentType("application/json").body(Map.of("reference", reference, "candidates", candidates,
                        "budget", 10, "clusters", 2, "tailBoost", 1.0))
                .when().post("/api/v1/select")
                .then().statusCode(200)
                .body("selected", hasSize(10))
                .body("selected.findAll { it.startsWith('music') }", hasSize(5))
                .body("clusters", hasSize(2))
                .body("clusters[0].referenceShare", greaterThanOrEqualTo(0.0f));
        given().contentType("application/json").body(Map.of("reference", reference, "candidates", candidates, "budget", 0))
                .when().post("/api/v1/select").then().statusCode(400).contentType(PROBLEM);
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
