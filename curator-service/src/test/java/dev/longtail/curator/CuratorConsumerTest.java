package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Topics;
import dev.longtail.curator.decision.CurationSessions;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The curator's consumers against a real broker and database: decisions, sealing, anchors, dead letters. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Inject
    CurationSessions sessions;

    @Test
    void shouldSealOnceWhenLastDecisionArrivesOutOfOrderAndRedelivered() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        try (var sealed = kafka.reader(Topics.DATASETS_SEALED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            for (int n : new int[] {3, 1, 1, 0, 3, 2, 2}) {
                kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 4, n, plan));
            }
            await().atMost(WAIT).until(() -> sealedGenerations(sealed, campaign).contains(1));
            // a redelivery after the seal, then generation 2: on one partition, anything sent for generation 1
            // after the seal would be read before generation 2's version
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 4, 0, plan));
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 2, 1, 0, plan));
            await().atMost(WAIT).until(() -> sealedGenerations(sealed, campaign).contains(2));

            List<DatasetSealed> versions = sealed.withKey(campaign).stream()
                    .map(r -> Events.read(r.value(), DatasetSealed.class)).toList();
            List<DatasetSealed> first = versions.stream().filter(v -> v.generation() == 1).toList();
            assertEquals(1, first.size(), "generation 1 is published once");
            var counts = first.get(0).counts();
            assertEquals(4, counts.generated());
            assertEquals(counts.generated(), counts.accepted() + counts.rejected() + counts.failed());
            assertEquals(4, counts.accepted());
            assertEquals(plan, first.get(0).plan());
        }
        given().queryParam("campaignId", campaign)
                .when().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].generation", is(1))
                .body("[0].generated", is(4))
                .body("[0].accepted", is(4))
                .body("[0].rejected", is(0))
                .body("[0].failed", is(0))
                .body("[0].anchorRecords", is(1))
                .body("[0].records", is(5))
                .body("[1].generation", is(2));
        given().queryParam("generation", 1)
                .when().get("/api/v1/campaigns/{id}/decisions", campaign)
                .then().statusCode(200).body("$", hasSize(4));
    }

    @Test
    void shouldSealWhenReferenceArrivesAfterAllSamples() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.25);
        for (int n = 0; n < 3; n++) {
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 3, n, plan));
        }
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("generation", 1)
                .when().get("/api/v1/campaigns/{id}/decisions", campaign)
                .then().statusCode(200).body("$", hasSize(3)));
        given().queryParam("campaignId", campaign).when().get("/api/v1/datasets")
                .then().statusCode(200).body("$", hasSize(0));

        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 5));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("campaignId", campaign)
                .when().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].generated", is(3))
                .body("[0].accepted", is(3))
                .body("[0].anchorRecords", is(1)));
    }

    @Test
    void shouldRejectExactAndNearDuplicatesOfAcceptedSampleAndCountFailures() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        String instruction = "Describe the migration of arctic terns";
        String output = Fixtures.text(4242, 40);
        String nearOutput = output.substring(0, output.lastIndexOf(' ')) + " different.";
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 4));
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 5, 0, instruction, output, plan)));
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 5, 1, instruction, output, plan)));
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 5, 2, instruction, nearOutput, plan)));
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 5, 3, "Say", "Yes.", plan)));
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.failed(campaign, 1, 5, 4, "backend timed out", plan));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("campaignId", campaign)
                .when().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].generated", is(5))
                .body("[0].accepted", is(1))
                .body("[0].rejected", is(3))
                .body("[0].failed", is(1))
                .body("[0].rejectedByReason", equalTo(Map.of("EXACT_DUPLICATE", 1, "NEAR_DUPLICATE", 1, "TOO_SHORT", 1))));

        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 0))
                .then().statusCode(200).body("status", is("ACCEPTED")).body("reason", nullValue());
        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 1))
                .then().statusCode(200)
                .body("campaignId", is(campaign))
                .body("generation", is(1))
                .body("status", is("REJECTED"))
                .body("reason", is("EXACT_DUPLICATE"))
                .body("stage", is("exact-duplicate"))
                .body("score", is(1.0f));
        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 2))
                .then().statusCode(200)
                .body("status", is("REJECTED"))
                .body("reason", is("NEAR_DUPLICATE"))
                .body("stage", is("near-duplicate"))
                .body("score", greaterThanOrEqualTo(0.8f))
                .body("threshold", is(0.8f));
        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 3))
                .then().statusCode(200).body("reason", is("TOO_SHORT")).body("score", is(1.0f)).body("threshold", is(3.0f));
        given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 4))
                .then().statusCode(200).body("status", is("FAILED")).body("reason", is("backend timed out"));
    }

    @Test
    void shouldRejectDuplicateOfSampleAcceptedBeforeTheSessionWasLost() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        String instruction = "Describe a tide pool";
        String output = Fixtures.text(777, 35);
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 2, 0, instruction, output, plan)));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 0))
                .then().statusCode(200).body("status", is("ACCEPTED")));

        sessions.forget(campaign); // as after a restart: the session is rebuilt from the accepted decisions
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Events.write(Fixtures.generated(campaign, 1, 2, 1, instruction, output, plan)));

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 1))
                .then().statusCode(200).body("status", is("REJECTED")).body("reason", is("EXACT_DUPLICATE")));
    }

    @Test
    void shouldCommitItsProgressAsTheLongtailCuratorConsumerGroup() {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 2, 0, Fixtures.plan(0.2)));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/decisions/{id}", Fixtures.sampleId(campaign, 1, 0))
                .then().statusCode(200));
        // operators watch this group's lag; the channels share it through the connector-level configuration
        await().atMost(WAIT).until(() -> kafka.caughtUp("longtail-curator", List.of(Topics.SAMPLES_GENERATED)));
    }

    @Test
    void shouldMixRealAnchorsInTheAnchorRatioFromTheReferencePool() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.6);
        try (var sealed = kafka.reader(Topics.DATASETS_SEALED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            for (int n = 0; n < 4; n++) {
                kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 4, n, plan));
            }
            await().atMost(WAIT).until(() -> !sealed.withKey(campaign).isEmpty());
            DatasetSealed version = Events.read(sealed.withKey(campaign).get(0).value(), DatasetSealed.class);

            // anchors a = round(r / (1 - r) * accepted) = round(0.6 / 0.4 * 4) = 6
            assertEquals(6, version.anchorRecords());
            Set<String> pool = Fixtures.referenceSeeds(campaign, 10).stream().map(SeedRecord::seedId).collect(Collectors.toSet());
            List<DatasetRecord> real = version.records().stream().filter(r -> r.source() == RecordSource.REAL).toList();
            List<DatasetRecord> synthetic = version.records().stream().filter(r -> r.source() == RecordSource.SYNTHETIC).toList();
            assertEquals(6, real.size());
            assertEquals(6, real.stream().map(DatasetRecord::seedId).distinct().count());
            assertTrue(real.stream().allMatch(r -> pool.contains(r.seedId())), "anchors come from the reference pool");
            assertEquals(Set.of(0, 1, 2, 3).stream().map(n -> Fixtures.sampleId(campaign, 1, n)).collect(Collectors.toSet()),
                    synthetic.stream().map(DatasetRecord::recordId).collect(Collectors.toSet()));
            SampleGenerated expected = Fixtures.generated(campaign, 1, 4, 0, "", "", plan);
            DatasetRecord first = synthetic.stream().filter(r -> r.recordId().equals(Fixtures.sampleId(campaign, 1, 0)))
                    .findFirst().orElseThrow();
            assertEquals(expected.seed().seedId(), first.seedId());
            assertEquals(expected.seed().parentSeedId(), first.parentSeedId());
            assertEquals(expected.seed().operator(), first.operator());

            given().when().get("/api/v1/datasets/{id}/records", version.datasetVersionId())
                    .then().statusCode(200).body("$", hasSize(10)).body("findAll { it.source == 'REAL' }", hasSize(6));
            given().when().get("/api/v1/datasets/{id}", version.datasetVersionId())
                    .then().statusCode(200).body("anchorRecords", is(6)).body("records", is(10))
                    .body("campaignId", is(campaign));
        }
    }

    @Test
    void shouldSealATailPreservingVersionThatKeepsTheSamplesCloseToTheReferenceAndLeavesTheRestOut() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(new CurationPolicy(0.1, 0.8, 3, 300)); // no arm policy: the default
        List<SeedRecord> reference = Fixtures.referenceSeeds(campaign, 10);
        try (var sealed = kafka.reader(Topics.DATASETS_SEALED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            // samples 0-3 retell reference outputs in other words order (close to the reference's n-grams, not
            // copies); samples 4-9 are unrelated texts
            for (int n = 0; n < 10; n++) {
                String output = n < 4 ? Fixtures.retold(reference.get(n).output()) : Fixtures.text(9000 + n, 25);
                kafka.send(Topics.SAMPLES_GENERATED, campaign,
                        Events.write(Fixtures.generated(campaign, 1, 10, n, "Explain " + Fixtures.text(500 + n, 6), output, plan)));
            }
            await().atMost(WAIT).until(() -> !sealed.withKey(campaign).isEmpty());
            DatasetSealed version = Events.read(sealed.withKey(campaign).get(0).value(), DatasetSealed.class);

            assertEquals(10, version.counts().accepted());
            Set<String> kept = version.records().stream().filter(r -> r.source() == RecordSource.SYNTHETIC)
                    .map(DatasetRecord::recordId).collect(Collectors.toSet());
            assertTrue(kept.size() >= 4 && kept.size() < 10, "a share of the accepted samples is kept: " + kept);
            for (int n = 0; n < 4; n++) {
                assertTrue(kept.contains(Fixtures.sampleId(campaign, 1, n)), "sample " + n + " is close to the reference");
            }
            Set<String> pool = reference.stream().map(SeedRecord::seedId).collect(Collectors.toSet());
            assertTrue(version.records().stream().filter(r -> r.source() == RecordSource.REAL)
                    .allMatch(r -> pool.contains(r.seedId())), "anchors come from the reference");

            given().when().get("/api/v1/datasets/{id}", version.datasetVersionId())
                    .then().statusCode(200)
                    .body("anchorPolicy", is("TAIL_PRESERVING"))
                    .body("arm.anchorPolicySource", is("CONFIG"))
                    .body("arm.keepShare", is(0.6f))
                    .body("arm.carryOver", is(0.0f))
                    .body("arm.tokenBudget", nullValue())
                    .body("carriedRecords", is(0))
                    .body("accepted", is(10))
                    .body("syntheticRecords", is(kept.size()))
                    .body("leftOutByReason.NOT_SELECTED", is(10 - kept.size()))
                    .body("records", is(version.records().size()));
        }
    }

    @Test
    void shouldDeadLetterMalformedRecordsWithTheReason() {
        String key = UUID.randomUUID().toString();
        String marker = "{\"not json\" " + key;
        String notUuid = Events.write(Fixtures.generated("campaign-" + key, 1, 1, 0, "Describe", Fixtures.text(5, 20),
                Fixtures.plan(0.2)));
        try (var dlq = kafka.reader(Topics.deadLetter("curator"))) {
            kafka.send(Topics.SAMPLES_GENERATED, key, marker);
            kafka.send(Topics.CAMPAIGNS_STARTED, key, marker);
            kafka.send(Topics.SAMPLES_GENERATED, key, notUuid);
            await().atMost(WAIT).until(() -> dlq.withKey(key).size() >= 3);
            List<ConsumerRecord<String, String>> dead = dlq.withKey(key);
            assertEquals(2, dead.stream().filter(r -> r.value().equals(marker)).count());
            for (var record : dead) {
                var header = record.headers().lastHeader("dead-letter-reason");
                assertTrue(header != null && header.value().length > 0, "a dead letter carries its reason");
            }
            var uuidReason = dead.stream().filter(r -> r.value().equals(notUuid)).findFirst().orElseThrow()
                    .headers().lastHeader("dead-letter-reason");
            assertTrue(new String(uuidReason.value(), StandardCharsets.UTF_8).contains("not a UUID"));
        }
    }

    private static Set<Integer> sealedGenerations(KafkaTestClient.TopicReader reader, String campaign) {
        return reader.withKey(campaign).stream().map(r -> Events.read(r.value(), DatasetSealed.class).generation())
                .collect(Collectors.toSet());
    }
}
