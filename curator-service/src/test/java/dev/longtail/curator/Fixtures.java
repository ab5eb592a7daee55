package dev.longtail.curator;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.CurationPolicy;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.EvolvedSeed;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.Provenance;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.contracts.SampleStatus;
import dev.longtail.contracts.SamplingParameters;
import dev.longtail.contracts.SeedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Events as the evolver and the generator write them, with texts that do not resemble each other. */
final class Fixtures {

    private static final List<String> WORDS = IntStream.range(0, 400)
            .mapToObj(Fixtures::letters)
            .collect(Collectors.toList());

    /** A letters-only word for a number (base 26): fixture texts must pass the non-alphabetic stage. */
    static String letters(int i) {
        StringBuilder sb = new StringBuilder("w");
        int n = i * 7919 % 100000;
        do {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }

    private Fixtures() {
    }

    /** A plan whose arm mixes random anchors in the ratio (the counting tests' policy). */
    static GenerationPlan plan(double anchorRatio) {
        return plan(new CurationPolicy(anchorRatio, 0.8, 3, 300, "ratio", null, null, null));
    }

    /** A plan with the given curation policy and arm settings. */
    static GenerationPlan plan(CurationPolicy curation) {
        return new GenerationPlan(0.5, new SamplingParameters(0.9, 0.95, 64, 7), curation);
    }

    /** A plan of an arm: the policy and its settings (null: the curator's own). */
    static GenerationPlan arm(double anchorRatio, String anchorPolicy, Double keepShare, Double carryOver,
            Integer tokenBudget) {
        return plan(new CurationPolicy(anchorRatio, 0.8, 3, 300, anchorPolicy, keepShare, carryOver, tokenBudget));
    }

    /** A text of {@code words} words drawn from a wide vocabulary; different salts give unrelated texts. */
    static String text(long salt, int words) {
        Random random = new Random(salt);
        return IntStream.range(0, words).mapToObj(i -> WORDS.get(random.nextInt(WORDS.size())))
                .collect(Collectors.joining(" ")) + ".";
    }

    /** The words of a text with some adjacent pairs swapped: the same unigrams, different higher n-grams. */
    static String retold(String text) {
        String[] words = text.replace(".", "").split(" ");
        for (int i = 0; i + 3 < words.length; i += 6) {
            String t = words[i + 2];
            words[i + 2] = words[i + 3];
            words[i + 3] = t;
        }
        return String.join(" ", words) + ".";
    }

    static List<SeedRecord> referenceSeeds(String campaignId, int count) {
        List<SeedRecord> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(new SeedRecord(campaignId + ":ref:" + i, "cat" + i % 3, "Explain " + text(1000 + i, 6),
                    "", text(2000 + i, 25)));
        }
        return seeds;
    }

    static String campaignStarted(String campaignId, int referenceSeeds) {
        return Events.write(new CampaignStarted(Events.SCHEMA_VERSION, campaignId, "test campaign", 3, 4, 42L,
                referenceSeeds(campaignId, referenceSeeds), List.of(new SeedRecord("held-out-1", "cat0",
                        "Held out instruction", "", text(99, 20)))));
    }

    static String sampleId(String campaignId, int generation, int n) {
        return campaignId + ":g" + generation + ":" + n + ":sample";
    }

    static SampleGenerated generated(String campaignId, int generation, int size, int n, String instruction, String output,
            GenerationPlan plan) {
        String seedId = campaignId + ":g" + generation + ":" + n;
        return new SampleGenerated(Events.SCHEMA_VERSION, seedId + ":sample", campaignId, generation, size,
                new EvolvedSeed(seedId, campaignId + ":ref:" + n, "in-depth.add-constraints", "cat" + n % 3, instruction, ""),
                output, SampleStatus.GENERATED, null,
                new Provenance("embedded", "kneser-ney-3", 0.9, 0.95, 7L, 1200L, 30), plan);
    }

    /** A generated sample with its own unrelated instruction and output. */
    static String distinct(String campaignId, int generation, int size, int n, GenerationPlan plan) {
        long salt = campaignId.hashCode() * 31L + generation * 1000L + n;
        return Events.write(generated(campaignId, generation, size, n, "Describe " + text(salt, 5), text(salt + 7, 30), plan));
    }

    static String failed(String campaignId, int generation, int size, int n, String reason, GenerationPlan plan) {
        String seedId = campaignId + ":g" + generation + ":" + n;
        return Events.write(new SampleGenerated(Events.SCHEMA_VERSION, seedId + ":sample", campaignId, generation, size,
                new EvolvedSeed(seedId, campaignId + ":ref:" + n, "in-breadth.topic-shift", "cat0", "Describe it", ""),
                null, SampleStatus.FAILED, reason, null, plan));
    }
}
