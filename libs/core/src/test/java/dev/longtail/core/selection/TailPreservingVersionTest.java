package dev.longtail.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.VersionBudget;
import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A tail-preserving version of records: the keep share, the anchors, carry-over and a fixed token budget. */
class TailPreservingVersionTest {

    private static final List<String> REFERENCE = List.of(
            "Name three birds that live near the sea. Gulls, terns and puffins nest on coastal cliffs.",
            "Describe how lobsters grow. They shed their hard shell several times a year.",
            "Explain what an amber lobster is. It is a rare colour form caught about once in a million.",
            "Give a tip for storing bread. Keep it in a cloth bag at room temperature.",
            "Summarise why tides happen. The moon's gravity pulls the oceans into two bulges.");

    private static TailPreservingVersion.Composition<String> compose(List<String> accepted, List<String> reference,
            double anchorRatio, double keepShare) {
        return TailPreservingVersion.compose(accepted, List.of(), reference, Function.identity(),
                VersionBudget.of(anchorRatio, keepShare), TailPreservingVersion.RECORDS);
    }

    private static long tokens(List<String> records) {
        return records.stream().mapToLong(t -> Tokenizer.tokenize(t).size()).sum();
    }

    /** Records that retell the reference (what a good earlier generation kept). */
    private static List<String> retold(int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(REFERENCE.get(i % REFERENCE.size()).replace(".", " indeed " + i + "."));
        }
        return records;
    }

    /** Records far from the reference (a drifting generation). */
    private static List<String> drifting(int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("Write slogan " + i + " for a shoe shop. Shoes shoes shoes for everyone today and tomorrow.");
        }
        return records;
    }

    @Test
    void shouldLetCarriedRecordsFillAtMostTheCarryOverShareOfTheSyntheticBudget() {
        List<String> carried = retold(10);
        List<String> accepted = drifting(8);
        var budget = new VersionBudget(0.1, 1.0, 0.4, OptionalLong.empty());
        var composition = TailPreservingVersion.compose(accepted, carried, REFERENCE, Function.identity(), budget,
                TailPreservingVersion.RECORDS);

        long syntheticBudget = tokens(accepted); // keep share 1
        assertTrue(!composition.carried().isEmpty(), "records close to the reference are carried over");
        assertEquals(tokens(composition.carried()), composition.carriedTokens());
        assertTrue(composition.carriedTokens() <= Math.floor(0.4 * syntheticBudget),
                composition.carriedTokens() + " carried of a synthetic budget of " + syntheticBudget);
        assertTrue(carried.containsAll(composition.carried()));
        assertEquals(tokens(composition.fresh()) + composition.carriedTokens(), composition.syntheticTokens());
        assertTrue(composition.syntheticTokens() <= syntheticBudget);
        assertEquals(accepted.size() - composition.fresh().size(),
                composition.leftOut().values().stream().mapToInt(Integer::intValue).sum(),
                "only this generation's accepted samples are counted as left out: " + composition.leftOut());
    }

    @Test
    void shouldCarryNothingOverAtCarryOverZero() {
        var composition = TailPreservingVersion.compose(drifting(8), retold(10), REFERENCE, Function.identity(),
                VersionBudget.of(0.1, 1.0), TailPreservingVersion.RECORDS);
        assertTrue(composition.carried().isEmpty());
        assertEquals(0, composition.carriedTokens());
        assertEquals(drifting(8), composition.fresh());
    }

    @Test
    void shouldStayWithinAFixedTokenBudgetWithAnchorsAtMostTheRatioOfIt() {
        List<String> accepted = new ArrayList<>(retold(12));
        accepted.addAll(drifting(12));
        long budget = 80;
        var composition = TailPreservingVersion.compose(accepted, retold(5), REFERENCE, Function.identity(),
                new VersionBudget(0.2, 1.0, 0.5, OptionalLong.of(budget)), TailPreservingVersion.RECORDS);

        assertTrue(composition.syntheticTokens() + composition.anchorTokens() <= budget,
                composition.syntheticTokens() + " + " + composition.anchorTokens() + " > " + budget);
        assertTrue(composition.anchorTokens() <= Math.floor(0.2 * budget));
        assertTrue(composition.carriedTokens() <= Math.floor(0.5 * (budget - Math.floor(0.2 * budget))));
        assertTrue(composition.syntheticTokens() > budget / 2, "the budget is filled, not left empty");
        assertEquals(tokens(composition.anchors()), composition.anchorTokens());
        assertEquals(new HashSet<>(composition.mix().real()), new HashSet<>(composition.anchors()));
    }

    @Test
    void shouldKeepTheSmallerOfTheKeepShareAndAFixedBudget() {
        List<String> accepted = drifting(10);
        var composition = TailPreservingVersion.compose(accepted, List.of(), REFERENCE, Function.identity(),
                new VersionBudget(0.0, 0.3, 0.0, OptionalLong.of(100_000)), TailPreservingVersion.RECORDS);
        assertTrue(composition.syntheticTokens() <= Math.ceil(0.3 * tokens(accepted)));
    }

    @Test
    void shouldKeepTheConfiguredShareOfTokensAndPreferRecordsThatCoverTheReference() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accepted.add("Write a slogan number " + i + " for a shoe shop. Shoes shoes shoes for everyone today.");
        }
        accepted.add("Explain what a blue lobster is. It is a rare colour form caught about once in two million.");
        accepted.add("Summarise why seasons happen. The tilt of the earth changes how the sun's light falls.");
        var composition = compose(accepted, REFERENCE, 0.1, 0.5);

        List<String> kept = composition.mix().synthetic();
        assertTrue(kept.contains(accepted.get(6)), "the record close to the reference's rare content is kept: " + kept);
        assertTrue(kept.size() < accepted.size(), "some records are left out");
        long acceptedTokens = accepted.stream().mapToLong(t -> dev.longtail.core.text.Tokenizer.tokenize(t).size()).sum();
        assertTrue(composition.syntheticTokens() <= Math.ceil(0.5 * acceptedTokens));
        assertEquals(accepted.size() - kept.size(), composition.leftOut().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(composition.anchorTokens() <= 0.1 * (composition.syntheticTokens() + composition.anchorTokens()) + 1e-9);
        assertTrue(REFERENCE.containsAll(composition.mix().real()));
    }

    @Test
    void shouldChooseAsAnchorTheReferenceRecordTheKeptSamplesLackMost() {
        List<String> accepted = new ArrayList<>();
        // ten samples that retell the first four reference records: the fifth (tides) is what they lack
        for (int i = 0; i < 10; i++) {
            accepted.add(REFERENCE.get(i % 4).replace(".", " again " + i + "."));
        }
        var composition = compose(accepted, REFERENCE, 0.3, 1.0);
        assertTrue(composition.mix().real().contains(REFERENCE.get(4)), "anchors: " + composition.mix().real());
    }

    @Test
    void shouldKeepAtLeastOneSampleWhenTheShareIsSmallerThanAnyRecord() {
        List<String> one = List.of("Describe a lobster. It is a large crustacean that lives on rocky coasts.");
        var composition = compose(one, REFERENCE, 0.1, 0.6);
        assertEquals(one, composition.mix().synthetic());
    }

    @Test
    void shouldKeepEverySampleAtKeepShareOneEvenOneLongerThanAnyReferenceRecord() {
        List<String> tied = List.of("one two three four five.", "six seven eight nine ten.", "alpha beta gamma delta epsilon.");
        List<String> accepted = List.of("a short answer about birds and bees.",
                "a much longer answer that goes on about birds and bees and the flowers they visit in the spring"
                        + " and the honey they make in their hives through the long summer days.");
        var composition = compose(accepted, tied, 0.0, 1.0);
        assertEquals(accepted, composition.mix().synthetic(), "left out: " + composition.leftOut());
    }

    @Test
    void shouldKeepEverySampleWhenThereIsNothingToSelectAgainst() {
        var composition = compose(List.of("a sample"), List.of(), 0.1, 0.5);
        assertEquals(List.of("a sample"), composition.mix().synthetic());
        assertTrue(composition.mix().real().isEmpty());
    }

    @Test
    void shouldRefuseAKeepShareOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> compose(List.of("a"), REFERENCE, 0.1, 0.0));
        assertThrows(IllegalStateException.class, () -> AnchorPolicy.TAIL_PRESERVING.mix(List.of(), List.of(),
                List.of(), 0.1, 1L));
        assertEquals(AnchorPolicy.TAIL_PRESERVING, AnchorPolicy.parse("tail-preserving"));
    }
}
