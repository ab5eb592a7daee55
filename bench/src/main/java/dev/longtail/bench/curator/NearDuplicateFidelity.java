package dev.longtail.bench.curator;

import dev.longtail.core.curation.CurationConfig;
import dev.longtail.core.curation.CurationPipeline;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.curation.RejectionReason;
import dev.longtail.core.curation.SampleVerdict;
import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Near-duplicate recall and precision on pairs made by known edit operations, against their exact Jaccard
 * similarity, with the default exact re-check and with the MinHash estimate alone.
 */
final class NearDuplicateFidelity {

    private NearDuplicateFidelity() {
    }

    /** Near-duplicate recall and precision on pairs made by known edits, against their exact Jaccard similarity. */
    static Map<String, Object> measure(List<String> words, List<String> passages, int pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        // windows every 50 words: neighbours share half their words (Jaccard about 0.3), far from the threshold
        List<String> originals = CuratorBenchText.passages(words, CuratorBenchText.WORDS, 50);
        int count = Math.min(pairs, originals.size());
        SplittableRandom random = new SplittableRandom(17);
        ShingleMinHasher hasher = new ShingleMinHasher(CurationConfig.DEFAULTS.permutations(), CurationConfig.DEFAULTS.shingleSize(), 1);
        List<CurationSample> variants = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        List<String> edits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> original = List.of(originals.get(i).split(" "));
            List<String> edited = new ArrayList<>(original);
            int k = random.nextInt(21);
            for (int e = 0; e < k; e++) {
                int op = random.nextInt(4);
                int at = random.nextInt(edited.size());
                String w = words.get(random.nextInt(words.size()));
                switch (op) {
                    case 0 -> edited.set(at, w);
                    case 1 -> {
                        if (edited.size() > 10) {
                            edited.remove(at);
                        }
                    }
                    case 2 -> edited.add(at, w);
                    default -> {
                        if (at + 1 < edited.size()) {
                            String t = edited.get(at);
                            edited.set(at, edited.get(at + 1));
                            edited.set(at + 1, t);
                        }
                    }
                }
            }
            String text = String.join(" ", edited);
            variants.add(new CurationSample("v" + i, "", "", text));
            truth.add(ShingleMinHasher.jaccard(hasher.shingleSet(hashes(originals.get(i))), hasher.shingleSet(hashes(text))));
            edits.add(k + "");
        }
        List<CurationSample> indexed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexed.add(new CurationSample("o" + i, "", "", originals.get(i)));
        }
        for (boolean recheck : new boolean[] {true, false}) {
            CurationConfig config = CurationConfig.DEFAULTS.toBuilder().lengthEnabled(false).instructionEnabled(false)
                    .templateLeakEnabled(false).refusalEnabled(false).nonAlphabeticEnabled(false).repetitionEnabled(false)
                    .exactDuplicateEnabled(false).instructionNoveltyEnabled(false).semanticEnabled(false)
                    .exactJaccardRecheck(recheck).build();
            CurationPipeline pipeline = new CurationPipeline(config);
            pipeline.remember(indexed, false);
            List<SampleVerdict> verdicts = pipeline.check(variants, config);
            int truePositive = 0;
            int falsePositive = 0;
            int positives = 0;
            int[] bucketPairs = new int[20];
            int[] bucketFound = new int[20];
            for (int i = 0; i < count; i++) {
                SampleVerdict v = verdicts.get(i);
                boolean predicted = !v.accepted() && v.decision().reason() == RejectionReason.NEAR_DUPLICATE;
                boolean actual = truth.get(i) >= 0.8;
                boolean matchedOwn = predicted && ("o" + i).equals(v.duplicateOf());
                if (actual) {
                    positives++;
                }
                if (predicted && actual && matchedOwn) {
                    truePositive++;
                } else if (predicted) {
                    falsePositive++;
                }
                int bucket = Math.min(19, (int) Math.floor(truth.get(i) * 20 + 1e-9));
                bucketPairs[bucket]++;
                if (matchedOwn) {
                    bucketFound[bucket]++;
                }
            }
            List<Map<String, Object>> curve = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                if (bucketPairs[b] > 0) {
                    curve.add(Map.of("jaccard_from", b / 20.0, "jaccard_to", (b + 1) / 20.0, "pairs", bucketPairs[b],
                            "flagged_share", CuratorBenchOutput.round((double) bucketFound[b] / bucketPairs[b])));
                }
            }
            double recall = positives == 0 ? 0 : (double) truePositive / positives;
            double precision = truePositive + falsePositive == 0 ? 1 : (double) truePositive / (truePositive + falsePositive);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("near_dup_recall_at_0_8", CuratorBenchOutput.round(recall));
            result.put("near_dup_precision", CuratorBenchOutput.round(precision));
            result.put("pairs", count);
            result.put("pairs_at_or_above_0_8", positives);
            result.put("flagged", truePositive + falsePositive);
            result.put("recall_curve", curve);
            if (recheck) {
                out.put("near_dup_recall_at_0_8", CuratorBenchOutput.round(recall));
                out.put("near_dup_precision", CuratorBenchOutput.round(precision));
                out.put("near_dup_default_exact_recheck", result);
            } else {
                out.put("near_dup_estimate_only", result);
            }
            CuratorBenchOutput.log("near duplicates%s: recall@0.8 %.3f, precision %.3f over %d pairs (%d at J >= 0.8)",
                    recheck ? " (default: exact re-check)" : " (MinHash estimate only)", recall, precision, count, positives);
        }
        out.put("near_dup_labelled_set", "first " + count + " 100-word WikiText-2 passages (one every 50 words), each edited "
                + "by k ~ U{0..20} random word substitutions, deletions, insertions and adjacent swaps; truth = exact "
                + "Jaccard of the word 5-gram sets; a pair counts as found when the variant is flagged as a near "
                + "duplicate of its own original among all originals");
        return out;
    }

    private static long[] hashes(String text) {
        return ShingleMinHasher.tokenHashes(Tokenizer.tokenize(text).stream().filter(Tokenizer::isWord).toList());
    }
}
