package dev.longtail.core.feedback;

import static dev.longtail.core.metrics.CollapseMeasurement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.core.metrics.SizeMatchedReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SizeMatchedPolicyTest {

    private final SizeMatchedPolicy policy = new SizeMatchedPolicy(SizeMatchedThresholds.DEFAULTS);

    private static Map<String, Double> realSample() {
        Map<String, Double> m = new HashMap<>();
        m.put(DISTINCT2, 0.8);
        m.put(SELF_BLEU, 0.05);
        m.put(VENDI_SCORE, 20.0);
        m.put(TAIL_COVERAGE, 0.3);
        m.put(HELD_OUT_TAIL_COVERAGE, 0.3);
        m.put(RARE_CLUSTER_SHARE, 0.6);
        m.put(CATEGORY_COVERAGE, 1.0);
        m.put(HELD_OUT_PERPLEXITY, 300.0);
        m.put(MEAN_WORDS, 40.0);
        m.put(LENGTH_P50, 38.0);
        m.put(OVER_PROBABLE_SHARE, 0.1);
        m.put(IMPLAUSIBLE_SHARE, 0.1);
        m.put(EMBEDDING_FRECHET, 0.1);
        return m;
    }

    private static SizeMatchedReference expected() {
        return new SizeMatchedReference(40, 5, 40, 40, realSample());
    }

    private static CollapseMeasurement measured(Map<String, Double> values, Map<String, CategoryShare> categories,
                                                Map<String, Integer> sizes) {
        return new CollapseMeasurement(values, sizes, categories, List.of(), List.of(), Map.of());
    }

    /** Eight equal categories, of which the dataset holds only {@code held}. */
    private static Map<String, CategoryShare> eightCategories(String held) {
        Map<String, CategoryShare> shares = new TreeMap<>();
        for (String c : List.of("art", "cooking", "finance", "law", "medicine", "music", "sport", "travel")) {
            shares.put(c, new CategoryShare(0.125, c.equals(held) ? 1.0 : 0.0, false));
        }
        return shares;
    }

    @Test
    void shouldCallAOneCategoryUploadCollapsingAndListEverySignalWithItsNumbers() {
        Map<String, Double> collapsed = realSample();
        collapsed.put(DISTINCT2, 0.256);
        collapsed.put(SELF_BLEU, 0.6);
        collapsed.put(VENDI_SCORE, 6.6);
        collapsed.put(TAIL_COVERAGE, 0.024);
        collapsed.put(HELD_OUT_TAIL_COVERAGE, 0.05);
        collapsed.put(RARE_CLUSTER_SHARE, 0.0);
        collapsed.put(CATEGORY_COVERAGE, 0.125);
        collapsed.put(HELD_OUT_PERPLEXITY, 900.0);
        var verdict = policy.assess(expected(), measured(collapsed, eightCategories("cooking"), Map.of()));

        assertEquals(Health.COLLAPSING, verdict.health());
        Set<String> fired = verdict.signals().stream().map(SizeMatchedPolicy.Signal::metric).collect(Collectors.toSet());
        assertEquals(Set.of(DISTINCT2, SELF_BLEU, VENDI_SCORE, TAIL_COVERAGE, HELD_OUT_TAIL_COVERAGE, RARE_CLUSTER_SHARE,
                CATEGORY_COVERAGE, HELD_OUT_PERPLEXITY), fired);
        assertTrue(verdict.signals().stream().allMatch(s -> s.level() == Health.COLLAPSING), verdict.reasons().toString());
        assertTrue(verdict.reasons().contains("distinct-2 0.2560 is 0.32x what 40 reference texts get (0.8000;"
                + " collapsing at <= 0.50x)"), verdict.reasons().toString());
        assertTrue(verdict.reasons().contains("Self-BLEU 0.6000 is 12.00x what 40 reference texts get (0.0500;"
                + " collapsing at >= 5.00x)"), verdict.reasons().toString());
        String categories = verdict.reasons().stream().filter(r -> r.contains("categories")).findFirst().orElseThrow();
        assertTrue(categories.startsWith("7 of 8 reference categories are missing, 87.5% of the reference: art (12.5%),"),
                categories);
        assertTrue(categories.contains("40 reference texts miss 0.0%"), categories);
    }

    @Test
    void shouldCallASampleLikeTheRealOnesHealthy() {
        var verdict = policy.assess(expected(), measured(realSample(), eightCategories("none"), Map.of()));
        assertEquals(Health.HEALTHY, verdict.health());
        assertTrue(verdict.signals().isEmpty());
    }

    @Test
    void shouldCallAMildFallDriftingAndSayWhichLimitItPassed() {
        Map<String, Double> milder = realSample();
        milder.put(DISTINCT2, 0.6);
        var verdict = policy.assess(expected(), measured(milder, Map.of(), Map.of()));
        assertEquals(Health.DRIFTING, verdict.health());
        assertEquals(List.of("distinct-2 0.6000 is 0.75x what 40 reference texts get (0.8000; drifting at <= 0.80x)"),
                verdict.reasons());
    }

    @Test
    void shouldSayWhichSignalsItCouldNotJudge() {
        Map<String, Double> plain = realSample();
        plain.remove(CATEGORY_COVERAGE);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put(SAMPLE_SYNTHETIC, 0);
        var verdict = policy.assess(expected(), measured(plain, Map.of(), sizes));
        assertEquals(Health.HEALTHY, verdict.health());
        assertTrue(verdict.notJudged().contains("category coverage: not judged, the dataset's records carry no category"),
                verdict.notJudged().toString());
        assertTrue(verdict.notJudged().stream().anyMatch(n -> n.startsWith("over-probable share: not judged, every text"
                + " is a reference text")), verdict.notJudged().toString());
    }

    @Test
    void shouldJudgeThePerplexitySignatureOnTheTextsThatAreNotReferenceTexts() {
        Map<String, Double> copies = realSample();
        copies.put(OVER_PROBABLE_SHARE, 0.9); // reference texts read as over-probable: not judged on them
        copies.put(synthetic(OVER_PROBABLE_SHARE), 0.15);
        var verdict = policy.assess(expected(), measured(copies, Map.of(), Map.of(SAMPLE_SYNTHETIC, 8)));
        assertEquals(Health.HEALTHY, verdict.health(), verdict.reasons().toString());

        copies.put(synthetic(OVER_PROBABLE_SHARE), 0.5);
        var piledUp = policy.assess(expected(), measured(copies, Map.of(), Map.of(SAMPLE_SYNTHETIC, 8)));
        assertEquals(List.of("over-probable texts under the generation-0 model: 50.0% of the 8 texts that are not"
                + " reference texts, against 10.0% of 40 held-out texts (drifting at +21 points)"), piledUp.reasons());
    }
}
