package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import dev.longtail.evaluator.downstream.DownstreamJob;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Downstream evaluation Jobs against the Kubernetes test server (CRUD mode): submit, collect, fail, time out. */
@QuarkusTest
@TestProfile(DownstreamJobTest.Enabled.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class DownstreamJobTest {

    static final String NAMESPACE = "downstream-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Downstream jobs on, polled every second; no embeddings, so that only the default profile's application loads
     * the ONNX runtime (a native library loads in one class loader per JVM, and each profile is a new application).
     */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("longtail.evaluator.metrics.embedding-sample", "0",
                    "longtail.evaluator.downstream.enabled", "true",
                    "longtail.evaluator.downstream.namespace", NAMESPACE,
                    "longtail.evaluator.downstream.image", "registry.example/finetune:1.0",
                    "longtail.evaluator.downstream.command", "python,-m,finetune",
                    "longtail.evaluator.downstream.gpus", "1",
                    "longtail.evaluator.downstream.cpu", "2",
                    "longtail.evaluator.downstream.timeout", "10m",
                    "longtail.evaluator.downstream.poll-every", "1s");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    private KubernetesClient client() {
        return server.getClient();
    }

    private Job submittedJob(String campaign) {
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 2));
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords()));
        await().atMost(WAIT).until(() -> !jobs(campaign).isEmpty());
        return jobs(campaign).get(0);
    }

    private List<Job> jobs(String campaign) {
        return client().batch().v1().jobs().inNamespace(NAMESPACE).withLabel("longtail.dev/campaign", campaign).list().getItems();
    }

    @Test
    void shouldSubmitAJobWithTheConfiguredImageResourcesAndDatasetLocation() {
        String campaign = UUID.randomUUID().toString();
        Job job = submittedJob(campaign);
        String versionId = given().when().get("/api/v1/campaigns/{id}/report", campaign).then().extract().path("rows[0].datasetVersionId");
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("registry.example/finetune:1.0", container.getImage());
        assertEquals(List.of("python", "-m", "finetune"), container.getCommand());
        assertEquals(new Quantity("1"), container.getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(new Quantity("2"), container.getResources().getRequests().get("cpu"));
        String datasetUrl = container.getEnv().stream().filter(e -> e.getName().equals("LONGTAIL_DATASET_URL")).findFirst()
                .orElseThrow().getValue();
        assertTrue(datasetUrl.endsWith("/api/v1/dataset-versions/" + versionId + "/records.jsonl"), datasetUrl);
        assertEquals(600L, job.getSpec().getActiveDeadlineSeconds());
        assertEquals(3600, job.getSpec().getTtlSecondsAfterFinished());
        assertEquals(0, job.getSpec().getBackoffLimit());
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("rows[0].downstream.status", is("SUBMITTED"))
                .body("rows[0].downstream.jobName", is(job.getMetadata().getName()));
    }

    @Test
    void shouldFoldTheResultOfASucceededJobIntoTheEvaluation() {
        String campaign = UUID.randomUUID().toString();
        Job job = submittedJob(campaign);
        String name = job.getMetadata().getName();
        client().pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(name + "-abcde").withNamespace(NAMESPACE).addToLabels("job-name", name).endMetadata()
                .withNewSpec().addNewContainer().withName("downstream").withImage("registry.example/finetune:1.0").endContainer().endSpec()
                .withNewStatus().addNewContainerStatus().withName("downstream").withNewState().withNewTerminated()
                .withExitCode(0).withMessage("{\"accuracy\": 0.71, \"perplexity\": 41.5}").endTerminated().endState()
                .endContainerStatus().endStatus().build()).create();
        client().batch().v1().jobs().inNamespace(NAMESPACE).resource(new JobBuilder(job).withNewStatus().withSucceeded(1)
                .endStatus().build()).updateStatus();

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("rows[0].downstream.status", is("SUCCEEDED")));
        given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("rows[0].downstream.result.accuracy", is(0.71f))
                .body("rows[0].collapse.metrics.'downstream.accuracy'", is(0.71f))
                .body("rows[0].collapse.metrics.'downstream.perplexity'", is(41.5f));
        given().when().get("/q/metrics").then()
                .body(containsString("longtail_evaluator_metric{campaign=\"" + campaign + "\",metric=\"downstream.accuracy\"} 0.71"));
    }

    @Test
    void shouldRecordAFailedJobWithItsReasonAndLetTheLoopGoOn() {
        String campaign = UUID.randomUUID().toString();
        Job job = submittedJob(campaign);
        client().batch().v1().jobs().inNamespace(NAMESPACE).resource(new JobBuilder(job).withNewStatus().withFailed(1)
                .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True")
                        .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit").build())
                .endStatus().build()).updateStatus();
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("rows[0].downstream.status", is("FAILED"))
                .body("rows[0].downstream.detail", containsString("BackoffLimitExceeded")));
        // the loop goes on: the next generation is evaluated as usual
        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.smallVersionRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("complete", is(true)));
    }

    @Test
    void shouldDeleteAJobThatOutlivesItsTimeout() {
        String campaign = UUID.randomUUID().toString();
        Job job = submittedJob(campaign);
        QuarkusTransaction.requiringNew().run(() -> DownstreamJob.<DownstreamJob>list("campaignId", campaign)
                .forEach(j -> j.deadline = Instant.now().minusSeconds(1)));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign).then()
                .body("rows[0].downstream.status", is("TIMED_OUT")));
        await().atMost(WAIT).untilAsserted(() ->
                assertNull(client().batch().v1().jobs().inNamespace(NAMESPACE).withName(job.getMetadata().getName()).get()));
    }
}
