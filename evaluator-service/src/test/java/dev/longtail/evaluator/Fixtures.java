package dev.longtail.evaluator;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.DecisionCounts;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.SeedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns and sealed versions as the evolver and the curator write them. */
final class Fixtures {

    static final List<String> SENTENCES = List.of(
            "The river carries silt from the northern glaciers into the wide delta every spring.",
            "A careful baker weighs flour, water and salt before mixing the dough by hand.",
            "Migrating terns cross the equator twice a year and rest on floating kelp.",
            "The old lighthouse keeper logged every passing ship in a leather-bound journal.",
            "Volcanic soil on the island grows coffee with a faint taste of smoke.",
            "Children in the village learn to read the tides before they learn to swim.",
            "A quiet library in the mountains lends books by mail to distant farms.",
            "Copper roofs turn green as rain and air slowly oxidise the metal.",
            "The orchestra tuned to a single oboe note before the overture began.",
            "Desert foxes hear insects moving under the sand with their enormous ears.",
            "Night trains across the steppe stop at stations lit by a single lamp.",
            "The cartographer drew coastlines from sailors' sketches and rumours.");

    static final List<String> HELD_OUT = List.of(
            "The glaciers feed the river that floods the delta in late spring.",
            "A keeper of the lighthouse wrote the names of ships in his journal.",
            "Foxes in the desert listen for insects beneath the warm sand.");

    private Fixtures() {
    }

    static GenerationPlan plan() {
        return new GenerationPlan(0.5, new SamplingParameters(0.9, 0.95, 64, 7), new CurationPolicy(0.2, 0.8, 3, 300));
    }

    static List<SeedRecord> referenceSeeds() {
        List<SeedRecord> seeds = new ArrayList<>();
        for (int i = 0; i < SENTENCES.size(); i++) {
            seeds.add(new SeedRecord("ref-" + i, "cat", "Write a sentence.", "", SENTENCES.get(i)));
        }
        return seeds;
    }

    static List<SeedRecord> heldOutSeeds() {
        List<SeedRecord> seeds = new ArrayList<>();
        for (int i = 0; i < HELD_OUT.size(); i++) {
            seeds.add(new SeedRecord("held-" + i, "cat", "Write a sentence.", "", HELD_OUT.get(i)));
        }
        return seeds;
    }

    static String campaignStarted(String campaignId, int generations) {
        return Events.write(new CampaignStarted(Events.SCHEMA_VERSION, campaignId, "evaluator test", generations, 4, 42L,
                referenceSeeds(), heldOutSeeds()));
    }

    static DatasetRecord synthetic(String id, String instruction, String output) {
        return new DatasetRecord(id, RecordSource.SYNTHETIC, id, "ref-0", "in-depth.add-constraints", "cat",
                instruction, "", output);
    }

    /** A small, varied version: four synthetic records from the reference's sentences and one anchor. */
    static List<DatasetRecord> smallVersionRecords() {
        return List.of(
                synthetic("s1", "Write a sentence about rivers.", SENTENCES.get(0)),
                synthetic("s2", "Write a sentence about baking.", SENTENCES.get(1)),
                synthetic("s3", "Write a sentence about birds.", "Terns cross the equator twice a year."),
                synthetic("s4", "Write about lighthouses.", SENTENCES.get(3)),
                new DatasetRecord("ref-4", RecordSource.REAL, "ref-4", null, null, "cat", "Write a sentence.", "",
                        SENTENCES.get(4)));
    }

    /** Near-identical short texts: what a collapsed generator emits. */
    static List<DatasetRecord> collapsedRecords() {
        List<DatasetRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(synthetic("c" + i, "Write a sentence.", i % 2 == 0 ? "The cat sat." : "The cat sat down."));
        }
        return records;
    }

    static DatasetSealed sealed(String versionId, String campaignId, int generation, List<DatasetRecord> records) {
        int anchors = (int) records.stream().filter(r -> r.source() == RecordSource.REAL).count();
        int accepted = records.size() - anchors;
        return new DatasetSealed(Events.SCHEMA_VERSION, versionId, campaignId, generation, plan(),
                new DecisionCounts(accepted + 2, accepted, 1, 1, Map.of("NEAR_DUPLICATE", 1)), anchors, records);
    }

    static String sealedJson(String campaignId, int generation, List<DatasetRecord> records) {
        return Events.write(sealed(UUID.randomUUID().toString(), campaignId, generation, records));
    }
}
