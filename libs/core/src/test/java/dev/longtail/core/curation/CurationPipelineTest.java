package dev.longtail.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.embedding.TextEmbedder;
import dev.longtail.core.embedding.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CurationPipelineTest {

    private static final List<String> VOCABULARY = IntStream.range(0, 3000)
            .mapToObj(CurationPipelineTest::letters).toList();

    /** A letters-only word for a number (base 26), so vocabulary words pass the non-alphabetic stage. */
    static String letters(int i) {
        StringBuilder sb = new StringBuilder("q");
        int n = i * 7919 % 100000;
        do {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.toString();
    }

    static String words(long salt, int n) {
        Random random = new Random(salt);
        return IntStream.range(0, n).mapToObj(i -> VOCABULARY.get(random.nextInt(VOCABULARY.size())))
                .collect(Collectors.joining(" "));
    }

    static CurationSample sample(String id, String instruction, String output) {
        return new CurationSample(id, instruction, "", output);
    }

    private final CurationConfig config = CurationConfig.DEFAULTS;

    @Test
    void shouldAcceptNovelSamplesAndRememberThem() {
        var pipeline = new CurationPipeline(config);
        var verdicts = pipeline.curate(List.of(sample("a", "Explain " + words(1, 8), words(2, 60)),
                sample("b", "Describe " + words(3, 8), words(4, 60))), config);
        assertTrue(verdicts.get(0).accepted());
        assertTrue(verdicts.get(1).accepted());
        assertEquals(2, pipeline.acceptedCount());
    }

    @Test
    void shouldRejectExactDuplicateWithinOneBatch() {
        var pipeline = new CurationPipeline(config);
        String output = words(5, 50);
        var verdicts = pipeline.curate(List.of(sample("a", "Explain " + words(6, 6), output),
                sample("b", "EXPLAIN " + words(6, 6).toUpperCase() + "!", output + " ")), config);
        assertTrue(verdicts.get(0).accepted());
        assertEquals(RejectionReason.EXACT_DUPLICATE, verdicts.get(1).decision().reason());
    }

    @Test
    void shouldRejectNearDuplicateOfAcceptedSampleAndNameIt() {
        var pipeline = new CurationPipeline(config);
        String output = words(7, 120);
        pipeline.curate(sample("original", "Summarise " + words(8, 8), output), config);
        String edited = output.replaceFirst("\\S+$", "changed");
        SampleVerdict verdict = pipeline.curate(sample("copy", "Summarise " + words(8, 8), edited), config);
        assertEquals(RejectionReason.NEAR_DUPLICATE, verdict.decision().reason());
        assertEquals("original", verdict.duplicateOf());
        assertTrue(verdict.decision().score() >= 0.8);
        assertEquals(0.8, verdict.decision().threshold());
    }

    @Test
    void shouldConfirmNearDuplicatesWithExactJaccardWhenAsked() {
        CurationConfig recheck = config.toBuilder().exactJaccardRecheck(true).build();
        var pipeline = new CurationPipeline(recheck);
        String output = words(9, 100);
        pipeline.curate(sample("original", "Write " + words(10, 6), output), recheck);
        SampleVerdict verdict = pipeline.curate(sample("copy", "Write " + words(10, 6), output + " extra"), recheck);
        assertEquals(RejectionReason.NEAR_DUPLICATE, verdict.decision().reason());
        // exact Jaccard of the shingle sets: 107 words give 103 shingles; the copy adds one
        assertEquals(103.0 / 104.0, verdict.decision().score(), 1e-9);
    }

    @Test
    void shouldRejectInstructionWhoseRougeLWithAnAcceptedInstructionReachesTheThreshold() {
        var pipeline = new CurationPipeline(config);
        pipeline.curate(sample("a", "Write a short poem about the sea at night and the stars above it", words(11, 40)), config);
        SampleVerdict verdict = pipeline.curate(sample("b",
                "Write a short poem about the sea at dawn and the stars above it", words(12, 40)), config);
        assertEquals(RejectionReason.INSTRUCTION_NOT_NOVEL, verdict.decision().reason());
        assertEquals(CurationPipeline.STAGE_INSTRUCTION_NOVELTY, verdict.decision().stage());
        assertTrue(verdict.decision().score() >= 0.7);
        SampleVerdict different = pipeline.curate(sample("c", "List three causes of the French revolution", words(13, 40)), config);
        assertTrue(different.accepted());
    }

    @Test
    void shouldRejectSemanticDuplicateThroughTheEmbedderAndSkipTheStageWithoutOne() {
        var pipeline = new CurationPipeline(config, new FirstWordEmbedder(), null);
        pipeline.curate(sample("a", "Explain " + words(14, 6), "alpha " + words(15, 40)), config);
        SampleVerdict verdict = pipeline.curate(sample("b", "Explain " + words(16, 6), "alpha " + words(17, 40)), config);
        // FirstWordEmbedder maps texts to vectors by their first word: "explain" for both
        assertEquals(RejectionReason.SEMANTIC_DUPLICATE, verdict.decision().reason());
        assertEquals("a", verdict.duplicateOf());

        var lexicalOnly = new CurationPipeline(config);
        lexicalOnly.curate(sample("a", "Explain " + words(14, 6), "alpha " + words(15, 40)), config);
        assertTrue(lexicalOnly.curate(sample("b", "Explain " + words(16, 6), "alpha " + words(17, 40)), config).accepted());
    }

    @Test
    void shouldLeaveTheHistoryUnchangedWhenOnlyChecking() {
        var pipeline = new CurationPipeline(config);
        String output = words(18, 50);
        var checked = pipeline.check(List.of(sample("a", "Explain " + words(19, 6), output),
                sample("b", "Explain " + words(19, 6), output)), config);
        assertTrue(checked.get(0).accepted());
        assertEquals(RejectionReason.EXACT_DUPLICATE, checked.get(1).decision().reason());
        assertEquals(0, pipeline.acceptedCount());
        assertTrue(pipeline.curate(sample("a", "Explain " + words(19, 6), output), config).accepted());
    }

    @Test
    void shouldRejectLowQualityTextAtTheCheapStagesWithStageScoreAndThreshold() {
        var pipeline = new CurationPipeline(config);
        assertReason(pipeline, "Rewrite the prompt below", "#Rewritten Prompt#: " + words(20, 30), RejectionReason.TEMPLATE_LEAK);
        assertReason(pipeline, "Tell me a joke about cats", "As an AI language model, I cannot tell jokes " + words(21, 10),
                RejectionReason.REFUSAL);
        assertReason(pipeline, "Describe the image below in detail", words(22, 30), RejectionReason.UNSUPPORTED_MODALITY);
        assertReason(pipeline, "Hi", words(23, 30), RejectionReason.BAD_INSTRUCTION);
        assertReason(pipeline, "List the first prime numbers please", "2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41 and 43",
                RejectionReason.NON_ALPHABETIC);
        String line = words(24, 8);
        SampleVerdict lines = assertReason(pipeline, "Write a list of things", line + "\n" + line + "\n" + line + "\n" + words(25, 8),
                RejectionReason.DEGENERATE);
        assertEquals(QualityRules.STAGE_REPEATED_TRIGRAMS, lines.decision().stage());
        SampleVerdict top = assertReason(pipeline, "Write a chant for the team",
                "go team go " + words(26, 3) + " go team go " + words(27, 3) + " go team go " + words(28, 3),
                RejectionReason.DEGENERATE);
        assertTrue(top.decision().stage().startsWith("repetition."));
        SampleVerdict shortOne = assertReason(pipeline, "Explain the tides", "Moon.", RejectionReason.TOO_SHORT);
        assertEquals(1.0, shortOne.decision().score());
        assertEquals(3.0, shortOne.decision().threshold());
    }

    @Test
    void shouldMeasureGophersRepetitionSignals() {
        assertEquals(0.5, QualityRules.duplicateLineShare("a b\nc d\na b\na b"), 1e-9);
        var words = List.of("go", "team", "go", "team", "win");
        long[] hashes = dev.longtail.core.dedup.ShingleMinHasher.tokenHashes(words);
        // "go team" twice: 2 · 6 chars of 15
        assertEquals(12.0 / 15.0, QualityRules.topNgramCharShare(words, hashes, 2), 1e-9);
        assertEquals(0.0, QualityRules.topNgramCharShare(words, hashes, 4), 1e-9);
        assertEquals(0.5, QualityRules.nonAlphabeticShare("ab 12"), 1e-9);
    }

    @Test
    void shouldSkipStagesThatAreSwitchedOff() {
        CurationConfig lenient = config.toBuilder().templateLeakEnabled(false).exactDuplicateEnabled(false)
                .nearDuplicateEnabled(false).instructionNoveltyEnabled(false).build();
        var pipeline = new CurationPipeline(lenient);
        String output = "#Rewritten Prompt# " + words(29, 40);
        assertTrue(pipeline.curate(sample("a", "Explain " + words(30, 6), output), lenient).accepted());
        assertTrue(pipeline.curate(sample("b", "Explain " + words(30, 6), output), lenient).accepted());
    }

    @Test
    void shouldApplyANewNearDuplicateThresholdToEarlierAcceptedSamples() {
        var pipeline = new CurationPipeline(config);
        String output = words(31, 60);
        pipeline.curate(sample("a", "Explain " + words(32, 6), output), config);
        String edited = output + " " + words(33, 25);
        // same instruction on purpose: only the near-duplicate stage is under test
        CurationConfig loose = config.toBuilder().nearDuplicateThreshold(0.95).instructionNoveltyEnabled(false).build();
        assertTrue(pipeline.check(List.of(sample("b", "Explain " + words(32, 6), edited)), loose).get(0).accepted());
        CurationConfig strict = loose.toBuilder().nearDuplicateThreshold(0.5).build();
        assertEquals(RejectionReason.NEAR_DUPLICATE,
                pipeline.check(List.of(sample("b", "Explain " + words(32, 6), edited)), strict).get(0).decision().reason());
    }

    @Test
    void shouldRefuseAConfigurationThatHashesDifferently() {
        var pipeline = new CurationPipeline(config);
        CurationConfig other = config.toBuilder().permutations(64).build();
        assertThrows(IllegalArgumentException.class, () -> pipeline.curate(sample("a", "Explain it now", words(34, 20)), other));
    }

    @Test
    void shouldValidateEveryThreshold() {
        assertThrows(IllegalArgumentException.class, () -> config.toBuilder().nearDuplicateThreshold(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> config.toBuilder().minWords(10).maxWords(5).build());
        assertThrows(IllegalArgumentException.class, () -> config.toBuilder().semanticThreshold(0).build());
        assertThrows(IllegalArgumentException.class, () -> config.toBuilder().permutations(4).build());
        assertEquals(0.8, CurationConfig.of(CurationThresholds.DEFAULTS).nearDuplicateThreshold());
    }

    @Test
    void shouldRebuildTheSameDecisionsFromRememberedSamples() {
        var first = new CurationPipeline(config);
        List<CurationSample> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CurationSample s = sample("s" + i, "Question " + words(100 + i, 8), words(200 + i, 50));
            assertTrue(first.curate(s, config).accepted());
            accepted.add(s);
        }
        var rebuilt = new CurationPipeline(config);
        rebuilt.remember(accepted, false);
        CurationSample copy = sample("copy", accepted.get(7).instruction(), accepted.get(7).output() + " more");
        assertEquals(first.check(List.of(copy), config).get(0).decision(), rebuilt.check(List.of(copy), config).get(0).decision());
        assertFalse(rebuilt.check(List.of(copy), config).get(0).accepted());
        assertTrue(rebuilt.memoryBytes().get("text_minhash_lsh") > 0);
    }

    private static SampleVerdict assertReason(CurationPipeline pipeline, String instruction, String output, RejectionReason reason) {
        SampleVerdict verdict = pipeline.curate(sample("x" + instruction.hashCode(), instruction, output), CurationConfig.DEFAULTS);
        assertEquals(reason, verdict.decision().reason(), () -> "for " + instruction + " / " + output + ": " + verdict);
        assertNull(verdict.duplicateOf());
        return verdict;
    }

    /** Embeds a text as a unit vector determined by its first word only: texts starting alike are "paraphrases". */
    static final class FirstWordEmbedder implements TextEmbedder {
        @Override
        public int dimension() {
            return 16;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(t -> {
                Random random = new Random(t.strip().split("\\s+")[0].toLowerCase().hashCode());
                float[] v = new float[16];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                return Vectors.normalised(v);
            }).toList();
        }
    }
}
