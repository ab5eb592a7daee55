package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.contracts.Topics;
import dev.longtail.contracts.Verdict;
import dev.longtail.core.metrics.DiversityMetrics;
import dev.longtail.core.metrics.HeldOutPerplexity;
import dev.longtail.core.metrics.TailCoverage;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluator's consumers against a real broker and database: metrics, order, idempotence, verdicts. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluatorConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double EPS = 1e-9;

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldMeasureKnownVersionAsTheCoreMetricsDo() {
        String campaign = UUID.randomUUID().toString();
        try (var completed = kafka.reader(Topics.EVALUATIONS_COMPLETED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
            kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords()));
            await().atMost(WAIT).until(() -> !completed.withKey(campaign).isEmpty());
            EvaluationCompleted evaluation = Events.read(completed.withKey(campaign).get(0).value(), EvaluationCompleted.class);

            List<List<String>> texts = Fixtures.smallVersionRecords().stream()
                    .map(r -> Tokenizer.tokenize(r.instruction() + " " + r.input() + " " + r.output())).toList();
            List<List<String>> reference = seedTexts(Fixtures.referenceSeeds());
            List<List<String>> heldOut = seedTexts(Fixtures.heldOutSeeds());
            Set<String> vocabulary = new HashSet<>();
            reference.forEach(vocabulary::addAll);
            heldOut.forEach(vocabulary::addAll);

            var m = evaluation.metrics();
            assertEquals(DiversityMetrics.distinctN(texts, 1), m.distinct1(), EPS);
            assertEquals(DiversityMetrics.distinctN(texts, 2), m.distinct2(), EPS);
            assertEquals(DiversityMetrics.unigramEntropy(texts), m.unigramEntropy(), EPS);
            assertEquals(TailCoverage.ofReference(reference, 2, 2).coverageOf(texts), m.tailCoverage(), EPS);
            assertEquals(HeldOutPerplexity.of(texts, heldOut, 3, vocabulary), m.heldOutPerplexity(), 1e-6);
            // by hand: instruction + output words, (5+14) + (5+14) + (5+7) + (3+12) + (3+13) over 5 records
            assertEquals((19 + 19 + 12 + 15 + 16) / 5.0, m.meanWords(), EPS);
            assertEquals(1, evaluation.generation());
            assertTrue(m.tailCoverage() > 0 && m.tailCoverage() < 1, "a partial version covers part of the tail");
        }
        // the reference covers its own tail entirely
        given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200)
                .body("reference.records", is(Fixtures.SENTENCES.size()))
                .body("reference.metrics.tailCoverage", is(1.0f));
    }

    @Test
    void shouldReportEveryEvaluatedGenerationWithTheAgreedFieldNames() {
        String campaign = UUID.randomUUID().toString();
        kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 2));
        String versionId = UUID.randomUUID().toString();
        kafka.send(Topics.DATASETS_SEALED, campaign,
                Events.write(Fixtures.sealed(versionId, campaign, 1, Fixtures.smallVersionRecords())));

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).body("rows", hasSize(1)));
        given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200)
                .body("campaignId", is(campaign))
                .body("generations", is(2))
                .body("completedGenerations", is(1))
                .body("complete", is(false))
                .body("reference.records", is(12))
                .body("reference.metrics", hasKey("distinct1"))
                .body("reference.metrics", hasKey("distinct2"))
                .body("reference.metrics", hasKey("unigramEntropy"))
                .body("reference.metrics", hasKey("tailCoverage"))
                .body("reference.metrics", hasKey("heldOutPerplexity"))
                .body("reference.metrics", hasKey("meanWords"))
                .body("rows[0].generation", is(1))
                .body("rows[0].datasetVersionId", is(versionId))
                .body("rows[0].generated", is(6))
                .body("rows[0].accepted", is(4))
                .body("rows[0].rejected", is(1))
                .body("rows[0].failed", is(1))
                .body("rows[0].rejectedByReason.NEAR_DUPLICATE", is(1))
                .body("rows[0].anchorRecords", is(1))
                .body("rows[0].records", is(5))
                .body("rows[0].metrics.heldOutPerplexity", notNullValue())
                .body("rows[0].metrics.meanWords", is(16.2f))
                .body("rows[0].plan.inBreadthShare", is(0.5f))
                .body("rows[0].plan.temperature", is(0.9f))
                .body("rows[0].plan.anchorRatio", is(0.2f))
                .body("rows[0].plan.nearDuplicateThreshold", is(0.8f))
                .body("rows[0].verdict", notNullValue())
                .body("rows[0].reasons", notNullValue())
                .body("rows[0].adjustments", notNullValue());

        kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.smallVersionRecords()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).body("completedGenerations", is(2)).body("complete", is(true))
                .body("rows.generation", is(List.of(1, 2))));
    }

    @Test
    void shouldEvaluateGenerationThatArrivesEarlyOnlyAfterItsPredecessor() {
        String campaign = UUID.randomUUID().toString();
        try (var completed = kafka.reader(Topics.EVALUATIONS_COMPLETED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
            // one partition per campaign: generation 2 is consumed first; evaluated at once, it would be published first
            kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.collapsedRecords()));
            kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords()));
            await().atMost(WAIT).until(() -> completed.withKey(campaign).size() >= 2);
            List<EvaluationCompleted> evaluations = completed.withKey(campaign).stream()
                    .map(r -> Events.read(r.value(), EvaluationCompleted.class)).toList();
            assertEquals(List.of(1, 2), evaluations.stream().map(EvaluationCompleted::generation).toList());
            // generation 2 was judged against generation 1, not the reference
            assertTrue(evaluations.get(1).reasons().stream().anyMatch(r -> r.contains("previous generation")),
                    () -> "reasons: " + evaluations.get(1).reasons());
        }
    }

    @Test
    void shouldEvaluateRedeliveredVersionOnce() {
        String campaign = UUID.randomUUID().toString();
        String first = Fixtures.sealedJson(campaign, 1, Fixtures.smallVersionRecords());
        try (var completed = kafka.reader(Topics.EVALUATIONS_COMPLETED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
            kafka.send(Topics.DATASETS_SEALED, campaign, first);
            kafka.send(Topics.DATASETS_SEALED, campaign, first);
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
            kafka.send(Topics.DATASETS_SEALED, campaign, first);
            // generation 2 follows on the same partition: once it is out, any duplicate of 1 would be too
            kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 2, Fixtures.smallVersionRecords()));
            await().atMost(WAIT).until(() -> completed.withKey(campaign).stream()
                    .anyMatch(r -> Events.read(r.value(), EvaluationCompleted.class).generation() == 2));
            long firstGeneration = completed.withKey(campaign).stream()
                    .filter(r -> Events.read(r.value(), EvaluationCompleted.class).generation() == 1).count();
            assertEquals(1, firstGeneration);
        }
        given().when().get("/api/v1/campaigns/{id}/report", campaign)
                .then().statusCode(200).body("rows", hasSize(2));
    }

    @Test
    void shouldJudgeCollapsedVersionUnhealthyAndAskForAdjustments() {
        String campaign = UUID.randomUUID().toString();
        try (var completed = kafka.reader(Topics.EVALUATIONS_COMPLETED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 3));
            kafka.send(Topics.DATASETS_SEALED, campaign, Fixtures.sealedJson(campaign, 1, Fixtures.collapsedRecords()));
            await().atMost(WAIT).until(() -> !completed.withKey(campaign).isEmpty());
            EvaluationCompleted evaluation = Events.read(completed.withKey(campaign).get(0).value(), EvaluationCompleted.class);

            assertNotEquals(Verdict.HEALTHY, evaluation.verdict());
            assertFalse(evaluation.reasons().isEmpty());
            Adjustment anchor = evaluation.adjustments().stream()
                    .filter(a -> a.parameter().equals(Adjustment.ANCHOR_RATIO)).findFirst().orElseThrow();
            assertEquals(0.2, anchor.from(), EPS);
            assertTrue(anchor.to() > anchor.from(), "more real data for a collapsing generation");
            assertTrue(evaluation.adjustments().stream().anyMatch(a -> a.parameter().equals(Adjustment.IN_BREADTH_SHARE)));

            given().when().get("/api/v1/evaluations/{id}", evaluation.evaluationId())
                    .then().statusCode(200)
                    .body("verdict", is(evaluation.verdict().name()))
                    .body("adjustments.parameter", everyItem(notNullValue()))
                    .body("adjustments", hasSize(evaluation.adjustments().size()));
        }
    }

    @Test
    void shouldDeadLetterMalformedRecordsWithTheReason() {
        String key = UUID.randomUUID().toString();
        String malformed = "{\"schemaVersion\": 1, " + key;
        DatasetSealed good = Fixtures.sealed(UUID.randomUUID().toString(), key, 1, Fixtures.smallVersionRecords());
        String inconsistent = Events.write(new DatasetSealed(1, good.datasetVersionId(), key, 1, good.plan(),
                new dev.longtail.contracts.DecisionCounts(10, 4, 1, 1, java.util.Map.of()), 1, good.records()));
        try (var dlq = kafka.reader(Topics.deadLetter("evaluator"))) {
            kafka.send(Topics.DATASETS_SEALED, key, malformed);
            kafka.send(Topics.CAMPAIGNS_STARTED, key, malformed);
            kafka.send(Topics.DATASETS_SEALED, key, inconsistent);
            await().atMost(WAIT).until(() -> dlq.withKey(key).size() >= 3);
            for (var record : dlq.withKey(key)) {
                var header = record.headers().lastHeader("dead-letter-reason");
                assertTrue(header != null && header.value().length > 0, "a dead letter carries its reason");
            }
            String reason = new String(dlq.withKey(key).stream().filter(r -> r.value().equals(inconsistent)).findFirst()
                    .orElseThrow().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("accepted + rejected + failed"), reason);
        }
    }

    private static List<List<String>> seedTexts(List<SeedRecord> seeds) {
        return seeds.stream().map(s -> Tokenizer.tokenize(s.instruction() + " " + s.input() + " " + s.output())).toList();
    }
}
