package dev.longtail.generator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.ScriptedServer.Step;
import dev.longtail.generator.jobs.GenerationJob;
import dev.longtail.generator.jobs.JobStore;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Generation jobs: queued, run, resumed after a crash, cancelled, paged out. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class GenerationJobResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ScriptedServer server;

    @Inject
    JobStore jobs;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void setUp() {
        server = ScriptedServer.fromConfig().reset();
    }

    @Test
    void shouldRunAJobToCompletionWithProgressAndTheSameSamplesAsTheSynchronousApi() {
        List<String> instructions = IntStream.range(0, 10)
                .mapToObj(i -> Fixtures.trainingCorpus().get(i * 3).instruction()).toList();
        Map<String, Object> body = embeddedRequest(instructions, 21);

        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/generation-jobs")
                .then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("total", equalTo(10))
                .body("template", equalTo("response/v1"))
                .extract().header("Location");
        assertTrue(location.contains("/api/v1/generation-jobs/"), location);

        JsonPath job = await().atMost(PATIENCE).until(() -> given().when().get(location).then().statusCode(200)
                .extract().jsonPath(), j -> "SUCCEEDED".equals(j.getString("status")));
        assertEquals(10, job.getInt("completed"));
        assertEquals(1.0f, job.getFloat("progress"));
        assertTrue(job.getString("finishedAt") != null);

        JsonPath samples = given().queryParam("limit", 100).when().get(location + "/samples")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(IntStream.range(0, 10).boxed().toList(), samples.getList("samples.index"));
        assertEquals(instructions, samples.getList("samples.subject"));
        List<String> synchronous = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/generate")
                .then().statusCode(200).extract().jsonPath().getList("samples.output");
        List<String> fromJob = samples.getList("samples.output");
        assertEquals(synchronous, fromJob, "a job samples what the synchronous API samples for the same request");
        assertEquals("embedded", samples.getString("samples[0].provenance.backend"));
    }

    @Test
    void shouldResumeARunningJobWhoseLeaseExpiredAndLeaveALeasedOneAlone() throws Exception {
        String request = mapper.writeValueAsString(embeddedRequest(List.of("Describe how to sow carrot seeds.",
                "Give a tip for seeing more stars at night."), 5));
        var orphaned = runningJob(request, Instant.now().minusSeconds(60));
        var leased = runningJob(request, Instant.now().plusSeconds(600));

        JsonPath resumed = await().atMost(PATIENCE).until(() -> given().when()
                .get("/api/v1/generation-jobs/{id}", orphaned).then().extract().jsonPath(),
                j -> "SUCCEEDED".equals(j.getString("status")));
        assertEquals(2, resumed.getInt("generated"), "a crashed replica's job is taken over and finished");
        given().when().get("/api/v1/generation-jobs/{id}", leased).then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("completed", equalTo(0));
    }

    private UUID runningJob(String request, Instant leaseUntil) {
        var job = new GenerationJob();
        job.id = UUID.randomUUID();
        job.status = GenerationJob.Status.RUNNING;
        job.backend = "embedded";
        job.mode = "RESPONSE";
        job.template = "response/v1";
        job.request = request;
        job.total = 2;
        job.createdAt = Instant.now().minusSeconds(120);
        job.startedAt = job.createdAt;
        job.leaseUntil = leaseUntil;
        return jobs.create(job).id;
    }

    @Test
    void shouldReturnTheSameJobForARepeatedIdempotencyKey() {
        String key = "submit-" + UUID.randomUUID();
        Map<String, Object> body = embeddedRequest(List.of("Describe how to sow carrot seeds."), 1);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/generation-jobs").then().statusCode(202).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/generation-jobs").then().statusCode(200).extract().path("id");
        assertEquals(first, again);
    }

    @Test
    void shouldCancelARunningJobAndKeepWhatItGenerated() {
        server.always(Step.json(200, ScriptedServer.chatAnswer("slow answer", 4, 2)).delayed(200));
        var body = new HashMap<String, Object>();
        body.put("backend", "scripted");
        body.put("instructions", IntStream.range(0, 40).mapToObj(i -> "instruction " + i).toList());
        body.put("sampling", Map.of("temperature", 0.7, "topP", 1.0, "maxTokens", 20, "randomSeed", 2));
        String location = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/generation-jobs")
                .then().statusCode(202).extract().header("Location");
        await().atMost(PATIENCE).until(() -> given().when().get(location).then().extract().jsonPath().getInt("completed") > 0);

        given().when().delete(location).then().statusCode(200).body("status", equalTo("CANCELLED"));
        // the running chunk finishes, then no request follows: the server goes quiet
        var seen = new java.util.concurrent.atomic.AtomicInteger(-1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            int now = server.received().size();
            return seen.getAndSet(now) == now && server.inFlight() == 0;
        });
        JsonPath job = given().when().get(location).then().extract().jsonPath();
        assertEquals("CANCELLED", job.getString("status"));
        assertTrue(job.getInt("completed") < 40, "cancelled before the end: " + job.getInt("completed"));
        assertTrue(server.received().size() < 40, "no item after the cancellation was sent");
        given().when().delete(location).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldRejectAJobWithoutInstructions() {
        given().contentType(ContentType.JSON).body(embeddedRequest(List.of(), 1))
                .when().post("/api/v1/generation-jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("instructions"));
    }

    @Test
    void shouldAnswer404ForAnUnknownJob() {
        given().when().get("/api/v1/generation-jobs/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/generation-jobs/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldListTheVersionedTemplates() {
        given().when().get("/api/v1/templates").then().statusCode(200)
                .body("id", hasItem("self-instruct/v1"))
                .body("find { it.id == 'response/v1' }.current", equalTo(true))
                .body("find { it.id == 'rephrase/v1' }.user", startsWith("Rephrase the following text."));
    }

    private static Map<String, Object> embeddedRequest(List<String> instructions, long seed) {
        var corpus = Fixtures.trainingCorpus().stream()
                .map(t -> Map.of("instruction", t.instruction(), "input", t.input(), "output", t.output()))
                .toList();
        var body = new HashMap<String, Object>();
        body.put("trainingCorpus", corpus);
        body.put("instructions", instructions);
        body.put("sampling", Map.of("temperature", 1.0, "topP", 0.95, "maxTokens", 40, "randomSeed", seed));
        return body;
    }
}
