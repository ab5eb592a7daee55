package dev.longtail.generator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.Topics;
import dev.longtail.contracts.TrainingText;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "schema", value = "generator"))
class SeedsEvolvedConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String GROUP = "longtail-generator";

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldPublishOneSampleGeneratedPerEvolvedSeedKeyedByCampaignId() {
        String campaignId = UUID.randomUUID().toString();
        SeedsEvolved generation = generation(campaignId, 5, Fixtures.trainingCorpus());
        kafka.send(Topics.SEEDS_EVOLVED, campaignId, Events.write(generation));

        List<SampleGenerated> samples = awaitSamples(campaignId, 5);
        await().atMost(PATIENCE).until(() -> kafka.caughtUp(GROUP, List.of(Topics.SEEDS_EVOLVED)));
        samples = samples(campaignId);
        assertEquals(5, samples.size(), "exactly one sample per evolved seed");
        assertEquals(generation.seeds().stream().map(s -> s.seedId() + ":sample").sorted().toList(),
                samples.stream().map(SampleGenerated::sampleId).sorted().toList());
        for (SampleGenerated sample : samples) {
            assertEquals(5, sample.generationSize());
            assertEquals(campaignId, sample.campaignId());
            assertEquals(2, sample.generation());
            assertEquals(generation.plan(), sample.plan());
            if (sample.status() == SampleStatus.GENERATED) {
                assertTrue(!sample.output().isBlank());
                assertEquals("embedded", sample.provenance().backend());
                assertEquals("kneser-ney-3+knn8", sample.provenance().model());
                assertEquals(99L, sample.provenance().randomSeed());
                assertTrue(sample.provenance().tokens() > 0);
            } else {
                assertNotNull(sample.failureReason());
            }
        }
        assertTrue(samples.stream().anyMatch(s -> s.status() == SampleStatus.GENERATED),
                "a model trained on 30 real pairs answers");
        ConsumerRecord<String, String> record = kafka.readAll(Topics.SAMPLES_GENERATED).stream()
                .filter(r -> campaignId.equals(r.key())).findFirst().orElseThrow();
        assertEquals("dev.longtail.samples.generated", KafkaTestClient.header(record, "ce_type"));
    }

    @Test
    void shouldSampleTheSameOutputsWhenAGenerationIsRedelivered() {
        String campaignId = UUID.randomUUID().toString();
        String json = Events.write(generation(campaignId, 4, Fixtures.trainingCorpus()));
        kafka.send(Topics.SEEDS_EVOLVED, campaignId, json);
        kafka.send(Topics.SEEDS_EVOLVED, campaignId, json);

        List<SampleGenerated> samples = awaitSamples(campaignId, 8);
        Map<String, List<String>> outputsById = samples.stream().collect(Collectors.groupingBy(
                SampleGenerated::sampleId, Collectors.mapping(s -> String.valueOf(s.output()), Collectors.toList())));
        assertEquals(4, outputsById.size());
        outputsById.forEach((id, outputs) -> {
            assertEquals(2, outputs.size());
            assertEquals(outputs.get(0), outputs.get(1), "redelivery regenerates " + id + " identically");
        });
    }

    @Test
    void shouldFailEverySeedWhenTheTrainingCorpusIsEmpty() {
        String campaignId = UUID.randomUUID().toString();
        kafka.send(Topics.SEEDS_EVOLVED, campaignId, Events.write(generation(campaignId, 3, List.of())));

        List<SampleGenerated> samples = awaitSamples(campaignId, 3);
        assertEquals(3, samples.size());
        for (SampleGenerated sample : samples) {
            assertEquals(SampleStatus.FAILED, sample.status());
            assertEquals("no training data", sample.failureReason());
            assertEquals(3, sample.generationSize());
        }
    }

    @Test
    void shouldDeadLetterMalformedRecords() {
        String key = "malformed-" + UUID.randomUUID();
        kafka.send(Topics.SEEDS_EVOLVED, key, "{\"schemaVersion\": 1, \"campaignId\": \"x\", \"seeds\": [");

        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(
                () -> kafka.readAll(Topics.deadLetter("generator")).stream().filter(r -> key.equals(r.key())).findFirst(),
                Optional::isPresent).orElseThrow();
        String reason = KafkaTestClient.header(dead, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("SeedsEvolved"), reason);
    }

    private static SeedsEvolved generation(String campaignId, int size, List<TrainingText> corpus) {
        List<EvolvedSeed> seeds = new ArrayList<>();
        List<TrainingText> texts = Fixtures.trainingCorpus();
        for (int n = 1; n <= size; n++) {
            TrainingText parent = texts.get(n * 5 % texts.size());
            seeds.add(new EvolvedSeed(campaignId + ":g2:" + n, "fx-" + n, "add-constraints", "fixture",
                    parent.instruction() + " Answer in two sentences.", parent.input()));
        }
        var plan = new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 40, 99), new CurationPolicy(0.1, 0.8, 3, 300));
        return new SeedsEvolved(Events.SCHEMA_VERSION, campaignId, 2, seeds, plan, corpus);
    }

    private List<SampleGenerated> awaitSamples(String campaignId, int count) {
        return await().atMost(PATIENCE).until(() -> samples(campaignId), samples -> samples.size() >= count);
    }

    private List<SampleGenerated> samples(String campaignId) {
        return kafka.valuesWithKey(Topics.SAMPLES_GENERATED, campaignId).stream()
                .map(json -> Events.read(json, SampleGenerated.class)).toList();
    }

}
