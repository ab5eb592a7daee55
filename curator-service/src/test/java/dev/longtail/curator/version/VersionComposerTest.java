package dev.longtail.curator.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.contracts.RecordSource;
import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.VersionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A version is composed of typed candidates: accepted samples first, then real anchors, under each policy. */
class VersionComposerTest {

    private static final String CAMPAIGN = UUID.randomUUID().toString();

    private static VersionCandidate sample(int generation, int n, String output) {
        return new VersionCandidate(CAMPAIGN + ":g" + generation + ":" + n + ":sample", RecordSource.SYNTHETIC,
                CAMPAIGN + ":g" + generation + ":" + n, CAMPAIGN + ":ref:" + n, "in-depth.add-constraints", "cat0",
                "Describe item " + n, "", output, generation);
    }

    private static List<VersionCandidate> reference(int count) {
        List<VersionCandidate> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(new VersionCandidate(CAMPAIGN + ":ref:" + i, RecordSource.REAL, CAMPAIGN + ":ref:" + i, null, null,
                    "cat" + i % 3, "Explain topic " + i, "", "the river carries sand and stone down to the sea " + i, 0));
        }
        return seeds;
    }

    @Test
    void shouldMixAnchorsInTheRatioAndPickTheSameOnesWhenResealed() {
        List<VersionCandidate> accepted = List.of(sample(1, 0, "a b c"), sample(1, 1, "d e f"), sample(1, 2, "g h i"),
                sample(1, 3, "j k l"));
        long seed = VersionComposer.anchorSeed(CAMPAIGN, 1);
        var first = VersionComposer.compose(AnchorPolicy.RATIO, accepted, List.of(), List.of(), reference(10),
                VersionBudget.of(0.6, 1.0), seed);
        var again = VersionComposer.compose(AnchorPolicy.RATIO, accepted, List.of(), List.of(), reference(10),
                VersionBudget.of(0.6, 1.0), seed);

        assertEquals(accepted, first.synthetic());
        assertEquals(6, first.anchors().size(), "round(0.6 / 0.4 * 4) anchors");
        assertTrue(first.anchors().stream().allMatch(a -> a.source() == RecordSource.REAL && a.generation() == 0));
        assertEquals(first.anchors(), again.anchors());
        assertTrue(first.leftOut().isEmpty());
    }

    @Test
    void shouldAccumulateEarlierGenerationsAfterTheCurrentOneAndEveryReferenceSeed() {
        List<VersionCandidate> current = List.of(sample(2, 0, "m n o"));
        List<VersionCandidate> earlier = List.of(sample(1, 0, "a b c"), sample(1, 1, "d e f"));
        var version = VersionComposer.compose(AnchorPolicy.ACCUMULATE, current, earlier, List.of(), reference(5),
                new VersionBudget(0.2, 1.0, 0.0, OptionalLong.of(5)), VersionComposer.anchorSeed(CAMPAIGN, 2));

        assertEquals(List.of(current.get(0), earlier.get(0), earlier.get(1)), version.synthetic(),
                "accumulate grows by design: a token budget does not cut it");
        assertEquals(reference(5), version.anchors());
    }

    @Test
    void shouldKeepAShareOfTheAcceptedTokensUnderTheTailPreservingPolicyAndCountTheRestLeftOut() {
        List<VersionCandidate> accepted = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            accepted.add(sample(1, n, n < 4 ? "the river carries sand and stone down to the sea " + n
                    : "quartz violin " + n + " orbit lantern meadow copper whistle"));
        }
        var version = VersionComposer.compose(AnchorPolicy.TAIL_PRESERVING, accepted, List.of(), List.of(),
                reference(10), VersionBudget.of(0.1, 0.6), VersionComposer.anchorSeed(CAMPAIGN, 1));

        assertTrue(accepted.containsAll(version.synthetic()));
        assertTrue(!version.synthetic().isEmpty() && version.synthetic().size() < accepted.size());
        assertEquals(accepted.size() - version.synthetic().size(),
                version.leftOut().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(reference(10).containsAll(version.anchors()));
    }

    @Test
    void shouldCutARatioVersionToItsTokenBudgetAndCountTheSamplesItCutAsOverBudget() {
        List<VersionCandidate> accepted = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            accepted.add(sample(1, n, "the answer number " + n + " is a short one"));
        }
        var version = VersionComposer.compose(AnchorPolicy.RATIO, accepted, List.of(), List.of(), reference(10),
                new VersionBudget(0.2, 1.0, 0.0, OptionalLong.of(100)), VersionComposer.anchorSeed(CAMPAIGN, 1));

        assertTrue(version.syntheticTokens() + version.anchorTokens() <= 100);
        assertTrue(version.anchorTokens() <= 20);
        assertEquals(version.synthetic().stream().mapToLong(VersionCandidate::tokens).sum(), version.syntheticTokens());
        assertEquals(Map.of(VersionComposer.OVER_BUDGET, accepted.size() - version.synthetic().size()),
                version.leftOut());
    }

    @Test
    void shouldCarryPreviousRecordsWithTheirIdsAndGenerationIntoATailPreservingVersion() {
        List<VersionCandidate> previous = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            previous.add(sample(1, n, "the river carries sand and stone down to the sea " + n));
        }
        List<VersionCandidate> accepted = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            accepted.add(sample(2, n, "quartz violin " + n + " orbit lantern meadow copper whistle"));
        }
        var budget = new VersionBudget(0.0, 1.0, 0.5, OptionalLong.empty());
        var version = VersionComposer.compose(AnchorPolicy.TAIL_PRESERVING, accepted, List.of(), previous,
                reference(10), budget, VersionComposer.anchorSeed(CAMPAIGN, 2));

        List<VersionCandidate> carried = version.synthetic().stream().filter(c -> c.generation() == 1).toList();
        assertEquals(carried.size(), version.carried());
        assertTrue(!carried.isEmpty() && previous.containsAll(carried), "carried as they were: " + carried);
        long budgetTokens = accepted.stream().mapToLong(VersionCandidate::tokens).sum();
        assertTrue(version.carriedTokens() <= Math.floor(0.5 * budgetTokens));
        assertEquals(accepted.size() - (version.synthetic().size() - carried.size()),
                version.leftOut().values().stream().mapToInt(Integer::intValue).sum());
        var none = VersionComposer.compose(AnchorPolicy.RATIO, accepted, List.of(), previous, reference(10), budget,
                VersionComposer.anchorSeed(CAMPAIGN, 2));
        assertEquals(0, none.carried(), "only the tail-preserving policy carries records over");
    }

    @Test
    void shouldDeriveTheAnchorSeedFromTheCampaignAndTheGenerationOnly() {
        assertEquals((1L ^ 2L) * 31 + 3, VersionComposer.anchorSeed("00000000-0000-0001-0000-000000000002", 3));
    }
}
