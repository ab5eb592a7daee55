package dev.longtail.evolver;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.EvaluationCompleted;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.GenerationMetrics;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SeedsEvolved;
import dev.longtail.contracts.Topics;
import dev.longtail.contracts.Verdict;
import dev.longtail.contracts.VersionedEvent;
import dev.longtail.devstack.testing.KafkaTestClient;

/**
 * Plays the curator and the evaluator for the evolver's tests: reads the generations the evolver publishes and
 * produces sealed dataset versions and evaluations for them on the devstack's broker.
 */
public final class LoopDriver {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    /** Produces a sealed dataset version or an evaluation on its topic, keyed by campaign id. */
    public void deliver(VersionedEvent record) {
        String topic = record instanceof DatasetSealed ? Topics.DATASETS_SEALED : Topics.EVALUATIONS_COMPLETED;
        kafka.send(topic, record.campaignId(), Events.write(record));
    }

    /** Waits for the campaign's generation on {@code longtail.seeds.evolved}. */
    public SeedsEvolved awaitGeneration(String campaignId, int generation) {
        return await().atMost(PATIENCE).until(
                () -> seedsEvolved(campaignId).stream().filter(e -> e.generation() == generation).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** Every SeedsEvolved of the campaign on the topic. */
    public List<SeedsEvolved> seedsEvolved(String campaignId) {
        return kafka.valuesWithKey(Topics.SEEDS_EVOLVED, campaignId).stream()
                .map(json -> Events.read(json, SeedsEvolved.class)).toList();
    }

    /** The generation's dataset version: its first {@code accepted} evolved seeds with an output, plus two real anchors. */
    public static DatasetSealed sealed(SeedsEvolved generation, int accepted) {
        List<DatasetRecord> records = new ArrayList<>();
        for (int i = 0; i < accepted; i++) {
            EvolvedSeed seed = generation.seeds().get(i);
            records.add(new DatasetRecord(seed.seedId() + ":sample", RecordSource.SYNTHETIC, seed.seedId(),
                    seed.parentSeedId(), seed.operator(), seed.category(), seed.instruction(), seed.input(),
                    "Accepted answer number " + i + " with enough words to count."));
        }
        var anchors = generation.trainingCorpus().subList(0, 2);
        for (int i = 0; i < anchors.size(); i++) {
            records.add(new DatasetRecord("anchor-" + i, RecordSource.REAL, "anchor-seed-" + i, null, null, "real",
                    anchors.get(i).instruction(), anchors.get(i).input(), anchors.get(i).output()));
        }
        int size = generation.seeds().size();
        return new DatasetSealed(Events.SCHEMA_VERSION, versionId(generation), generation.campaignId(),
                generation.generation(), generation.plan(), new DecisionCounts(size, accepted, size - accepted, 0,
                        Map.of("near-duplicate", size - accepted)), anchors.size(), records);
    }

    /** A healthy evaluation of the generation's version that asks for another temperature (and something unknown). */
    public static EvaluationCompleted evaluated(SeedsEvolved generation, double temperature) {
        return new EvaluationCompleted(Events.SCHEMA_VERSION, generation.campaignId() + ":e" + generation.generation(),
                generation.campaignId(), generation.generation(), versionId(generation),
                new GenerationMetrics(0.5, 0.8, 7.0, 0.6, 300, 20), Verdict.HEALTHY, List.of("diversity holds"),
                List.of(new Adjustment(Adjustment.TEMPERATURE, generation.plan().sampling().temperature(), temperature,
                                "test"),
                        new Adjustment("evolution.somethingNew", 0, 1, "a parameter this evolver does not know")));
    }

    private static String versionId(SeedsEvolved generation) {
        return generation.campaignId() + ":v" + generation.generation();
    }
}
