package dev.longtail.core.evolution;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a dataset version is losing of the reference, as evolution's guidance: the donor words are the reference's
 * rare n-grams (count at most {@code maxRareCount} in the reference, the evaluator's rare(R) for tail coverage,
 * docs/metrics.md) that the version lacks, content-word bigrams first, then content words, rarest first; the
 * category boosts are share in the reference / share in the version for every category the version under-represents
 * (at most {@code maxBoost}, and {@code maxBoost} for a category gone from the version).
 */
public final class GapAnalysis {

    /** The evaluator's rare-n-gram count limit (count ≤ 2). */
    public static final int DEFAULT_MAX_RARE_COUNT = 2;

    /** The largest boost of a thinning category's parent weight. */
    public static final double DEFAULT_MAX_BOOST = 4.0;

    /** The most donor words handed to evolution. */
    public static final int MAX_DONORS = 200;

    /** A text of the version, with its category (null when it has none). */
    public record VersionText(String category, String text) {
    }

    /** The gaps found, ready to guide evolution with the given operator weights. */
    public record Gaps(List<String> donorWords, Map<String, Double> categoryBoosts) {

        /** Copies the collections. */
        public Gaps {
            donorWords = List.copyOf(donorWords);
            categoryBoosts = Map.copyOf(categoryBoosts);
        }

        /** The guidance for evolution: these gaps with the given operator weights. */
        public EvolutionGuidance guidance(OperatorWeights weights) {
            return new EvolutionGuidance(weights, donorWords, categoryBoosts);
        }
    }

    private GapAnalysis() {
    }

    /** The gaps of a version against the reference (see the class description). */
    public static Gaps find(List<Seed> reference, List<VersionText> version, int maxRareCount, double maxBoost) {
        Map<String, Integer> referenceCounts = new LinkedHashMap<>();
        for (Seed seed : reference) {
            count(String.join(" ", orEmpty(seed.instruction()), orEmpty(seed.input()), orEmpty(seed.output())),
                    referenceCounts);
        }
        Set<String> present = new HashSet<>();
        for (VersionText text : version) {
            Map<String, Integer> counts = new HashMap<>();
            count(text.text(), counts);
            present.addAll(counts.keySet());
        }
        List<String> bigrams = new ArrayList<>();
        List<String> unigrams = new ArrayList<>();
        referenceCounts.entrySet().stream()
                .filter(e -> e.getValue() <= maxRareCount && !present.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> (e.getKey().indexOf(' ') > 0 ? bigrams : unigrams).add(e.getKey()));
        bigrams.addAll(unigrams);
        List<String> donors = bigrams.subList(0, Math.min(MAX_DONORS, bigrams.size()));
        return new Gaps(donors, boosts(reference, version, maxBoost));
    }

    private static Map<String, Double> boosts(List<Seed> reference, List<VersionText> version, double maxBoost) {
        Map<String, Integer> referenceShare = new TreeMap<>();
        reference.forEach(s -> referenceShare.merge(Objects.toString(s.category(), ""), 1, Integer::sum));
        Map<String, Integer> versionShare = new TreeMap<>();
        version.forEach(t -> versionShare.merge(Objects.toString(t.category(), ""), 1, Integer::sum));
        Map<String, Double> boosts = new TreeMap<>();
        if (reference.isEmpty()) {
            return boosts;
        }
        for (Map.Entry<String, Integer> e : referenceShare.entrySet()) {
            double inReference = (double) e.getValue() / reference.size();
            double inVersion = version.isEmpty() ? 0 : (double) versionShare.getOrDefault(e.getKey(), 0) / version.size();
            if (inVersion < inReference) {
                boosts.put(e.getKey(), inVersion == 0 ? maxBoost : Math.min(maxBoost, inReference / inVersion));
            }
        }
        return boosts;
    }

    /** Content words and content-word bigrams of a text, counted into {@code counts}. */
    private static void count(String text, Map<String, Integer> counts) {
        List<String> tokens = Tokenizer.tokenize(text);
        String previous = null;
        for (String token : tokens) {
            boolean content = ContentWords.isContentWord(token);
            if (content) {
                counts.merge(token, 1, Integer::sum);
                if (previous != null) {
                    counts.merge(previous + " " + token, 1, Integer::sum);
                }
            }
            previous = content ? token : null;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
