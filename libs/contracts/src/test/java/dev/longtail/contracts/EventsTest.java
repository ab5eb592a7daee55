package dev.longtail.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
