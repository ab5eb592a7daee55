package dev.longtail.generator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.generator.jobs.GenerationJob;
import dev.longtail.generator.jobs.JobRetention;
import dev.longtail.generator.jobs.JobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Finished jobs and their samples are deleted after the retention; unfinished and recent ones stay. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
@WithTestResource(OpenAiBackendsTestResource.class)
class JobRetentionTest {

    @Inject
    JobRetention retention;

    @Inject
    JobStore jobs;

    @Inject
    EntityManager em;

    @Test
    void shouldDeleteAJobWithItsSamplesOnceItEndedLongerAgoThanTheRetentionAndKeepTheRest() {
        String expired = finishedJobThroughTheApi();
        String recent = finishedJobThroughTheApi();
        endedAgo(expired, Duration.ofDays(8));
        endedAgo(recent, Duration.ofDays(6));
        UUID stillRunning = oldRunningJob();

        int deleted = retention.purge();

        assertTrue(deleted >= 1, "the expired job was deleted: " + deleted);
        given().when().get("/api/v1/generation-jobs/{id}", expired).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(List.of(), jobs.samples(UUID.fromString(expired), 0, 10), "its samples went with it");
        given().when().get("/api/v1/generation-jobs/{id}/samples", recent).then().statusCode(200)
                .body("samples.size()", org.hamcrest.Matchers.equalTo(1));
        given().when().get("/api/v1/generation-jobs/{id}", stillRunning).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RUNNING"));
    }

    @Test
    void shouldDeleteAnExpiredJobsSamplesInTransactionsOfBoundedRowsBeforeTheJobItself() {
        retention.purge();
        String expired = finishedJobThroughTheApi(List.of("Describe how to sow carrot seeds.",
                "Explain how to make a simple tomato sauce.", "Give a tip for seeing more stars at night.",
                "Describe how to sow carrot seeds in spring.", "Explain how to simmer a sauce."));
        endedAgo(expired, Duration.ofDays(8));
        UUID id = UUID.fromString(expired);
        Instant cutoff = Instant.now().minus(Duration.ofDays(7));

        assertEquals(2, jobs.deleteSamplesOfJobsFinishedBefore(cutoff, 2), "one transaction deletes at most its limit");
        assertEquals(3, jobs.samples(id, 0, 10).size());
        jobs.deleteFinishedBefore(cutoff, 500); // a job whose samples are not all gone yet is left for later
        given().when().get("/api/v1/generation-jobs/{id}", expired).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUCCEEDED"));

        assertEquals(1, retention.purge(2, 1), "in transactions of two samples, then of one job");
        given().when().get("/api/v1/generation-jobs/{id}", expired).then().statusCode(404);
        assertEquals(List.of(), jobs.samples(id, 0, 10));
    }

    private String finishedJobThroughTheApi() {
        return finishedJobThroughTheApi(List.of("Describe how to sow carrot seeds."));
    }

    private String finishedJobThroughTheApi(List<String> instructions) {
        var corpus = Fixtures.trainingCorpus().stream()
                .map(t -> Map.of("instruction", t.instruction(), "input", t.input(), "output", t.output())).toList();
        var body = new HashMap<String, Object>();
        body.put("trainingCorpus", corpus);
        body.put("instructions", instructions);
        body.put("sampling", Map.of("temperature", 1.0, "topP", 0.95, "maxTokens", 20, "randomSeed", 3));
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/generation-jobs")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(given().when()
                .get("/api/v1/generation-jobs/{id}", id).then().extract().path("status")));
        return id;
    }

    private void endedAgo(String id, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE generation_job SET finished_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minus(ago)).setParameter(2, UUID.fromString(id)).executeUpdate());
    }

    /** A job a replica holds (lease in the future) that was created long ago: not finished, so never deleted. */
    private UUID oldRunningJob() {
        var job = new GenerationJob();
        job.id = UUID.randomUUID();
        job.status = GenerationJob.Status.RUNNING;
        job.backend = "embedded";
        job.mode = "RESPONSE";
        job.template = "response/v1";
        job.request = "{}";
        job.total = 1;
        job.createdAt = Instant.now().minus(Duration.ofDays(30));
        job.startedAt = job.createdAt;
        job.leaseUntil = Instant.now().plus(Duration.ofHours(1));
        return jobs.create(job).id;
    }
}
