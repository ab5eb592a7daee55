package dev.longtail.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventsTest {

    private static final GenerationPlan PLAN = new GenerationPlan(0.5,
            new SamplingParameters(1.0, 0.95, 80, 7L), new CurationPolicy(0.1, 0.8, 3, 200));

    @Test
    void shouldRoundTripASampleThroughJson() {
        var sample = new SampleGenerated(Events.SCHEMA_VERSION, "s1", "c1", 2, 10,
                new EvolvedSeed("e1", "p1", "add-constraints", "science", "Explain tides.", ""),
                "The moon pulls the sea.", SampleStatus.GENERATED, null,
                new Provenance("embedded", "kneser-ney-3", 1.0, 0.95, 7L, 120, 6), PLAN);

        assertEquals(sample, Events.read(Events.write(sample), SampleGenerated.class));
    }

    @Test
    void shouldRoundTripTheProvenanceAndPlanPropertiesAddedWithinVersionOne() {
        var plan = new GenerationPlan(0.5, new SamplingParameters(1.0, 0.95, 80, 7L),
                new CurationPolicy(0.1, 0.8, 3, 200), "vllm");
        var sample = new SampleGenerated(Events.SCHEMA_VERSION, "s1", "c1", 2, 10,
                new EvolvedSeed("e1", "p1", "add-constraints", "science", "Explain tides.", ""),
                "The moon pulls the sea.", SampleStatus.GENERATED, null,
                new Provenance("vllm", "llama", 1.0, 0.95, 7L, 120, 6, "RESPONSE", 1, 80, 42L, 31, 2, "stop", -1.5),
                plan);

        var read = Events.read(Events.write(sample), SampleGenerated.class);

        assertEquals(sample, read);
        assertEquals(31, read.provenance().promptTokens());
        assertEquals("vllm", read.plan().backend());
    }

    @Test
    void shouldRoundTripACampaignArmsSettingsInThePlanAndItsExperimentInCampaignStarted() {
        var plan = new GenerationPlan(0.5, new SamplingParameters(1.0, 1.0, 80, 7L),
                new CurationPolicy(0.1, 0.8, 3, 200, "tail-preserving", 0.3, 0.6, 5000), null, false, 3);
        var started = new CampaignStarted(Events.SCHEMA_VERSION, "c1", "arm", 5, 120, 42L, List.of(), List.of(),
                "x1", "longtail");

        var readPlan = Events.read(Events.write(new SeedsEvolved(Events.SCHEMA_VERSION, "c1", 1, List.of(), plan,
                List.of())), SeedsEvolved.class).plan();
        var readStarted = Events.read(Events.write(started), CampaignStarted.class);

        assertEquals(plan, readPlan);
        assertFalse(readPlan.feedbackOn());
        assertEquals(3, readPlan.candidatesPerRecord());
        assertEquals(5000, readPlan.curation().tokenBudget());
        assertEquals(started, readStarted);
        assertEquals("longtail", readStarted.arm());
    }

    @Test
    void shouldGiveAPlanWithoutArmSettingsFeedbackOnAndOneCandidatePerRecord() {
        assertTrue(PLAN.feedbackOn());
        assertEquals(1, PLAN.candidatesPerRecord());
        assertNull(PLAN.curation().anchorPolicy());
        assertFalse(Events.write(PLAN).contains("anchorPolicy"));
    }

    @Test
    void shouldReadASampleWrittenBeforeTheAddedPropertiesExistedWithThemNull() {
        String older = """
                {"schemaVersion":1,"sampleId":"s1","campaignId":"c1","generation":2,"generationSize":10,
                 "seed":{"seedId":"e1","parentSeedId":"p1","operator":"add-constraints","category":"science",
                         "instruction":"Explain tides.","input":""},
                 "output":"The moon pulls the sea.","status":"GENERATED","failureReason":null,
                 "provenance":{"backend":"embedded","model":"kneser-ney-3","temperature":1.0,"topP":0.95,
                               "randomSeed":7,"latencyMicros":120,"tokens":6},
                 "plan":{"inBreadthShare":0.5,"sampling":{"temperature":1.0,"topP":0.95,"maxTokens":80,"randomSeed":7},
                         "curation":{"anchorRatio":0.1,"nearDuplicateThreshold":0.8,"minWords":3,"maxWords":200}}}
                """;

        var read = Events.read(older, SampleGenerated.class);

        assertEquals(new Provenance("embedded", "kneser-ney-3", 1.0, 0.95, 7L, 120, 6), read.provenance());
        assertEquals(PLAN, read.plan());
        assertNull(read.plan().backend());
        assertNull(read.provenance().templateVersion());
    }

    @Test
    void shouldLeaveAddedPropertiesOutWhenTheyAreNullSoOlderReadersSeeTheSameJson() {
        String json = Events.write(new Provenance("embedded", "kneser-ney-3", 1.0, 0.95, 7L, 120, 6));

        assertFalse(json.contains("templateVersion"), json);
        assertFalse(Events.write(PLAN).contains("backend"), Events.write(PLAN));
    }

    @Test
    void shouldStillRejectASampleMissingAnOriginalProperty() {
        String json = Events.write(new SampleGenerated(Events.SCHEMA_VERSION, "s1", "c1", 2, 10, null, null,
                SampleStatus.FAILED, "x", new Provenance("embedded", "m", 1.0, 0.95, 7L, 0, 0), PLAN))
                .replace("\"model\":\"m\",", "");

        assertThrows(Events.InvalidEventException.class, () -> Events.read(json, SampleGenerated.class));
    }

    @Test
    void shouldRoundTripADatasetVersionWithCounts() {
        var sealed = new DatasetSealed(Events.SCHEMA_VERSION, "d1", "c1", 1, PLAN,
                new DecisionCounts(3, 1, 1, 1, Map.of("NEAR_DUPLICATE", 1)), 1,
                List.of(new DatasetRecord("r1", RecordSource.REAL, "seed-1", null, null, "art", "Paint.", "", "Blue.")));

        assertEquals(sealed, Events.read(Events.write(sealed), DatasetSealed.class));
    }

    @Test
    void shouldRejectAnUnknownSchemaVersion() {
        var json = Events.write(new EvaluationCompleted(99, "e", "c", 1, "d", null, Verdict.HEALTHY, List.of(), List.of()));

        var error = assertThrows(Events.InvalidEventException.class, () -> Events.read(json, EvaluationCompleted.class));
        assertTrue(error.getMessage().contains("schema version 99"), error.getMessage());
    }

    @Test
    void shouldRejectMalformedJsonWithAReadableReason() {
        var error = assertThrows(Events.InvalidEventException.class, () -> Events.read("{not json", SeedsEvolved.class));
        assertTrue(error.getMessage().startsWith("not a valid SeedsEvolved"), error.getMessage());
    }

    @Test
    void shouldRejectAnEventMissingItsSchemaVersion() {
        assertThrows(Events.InvalidEventException.class,
                () -> Events.read("{\"campaignId\":\"c\"}", CampaignStarted.class));
    }

    @Test
    void shouldListEveryTopicWithADeadLetterTopicPerConsumer() {
        assertTrue(Topics.all().containsAll(List.of(Topics.SEEDS_EVOLVED, "longtail.dlq.curator", "longtail.dlq.evolver")));
        assertEquals(9, Topics.all().size());
    }
}
