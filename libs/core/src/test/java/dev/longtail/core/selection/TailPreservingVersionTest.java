package dev.longtail.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.curation.AnchorPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TailPreservingVersionTest {

    private static final List<String> REFERENCE = List.of(
            "Name three birds that live near the sea. Gulls, terns and puffins nest on coastal cliffs.",
            "Describe how lobsters grow. They shed their hard shell several times a year.",
            "Explain what an amber lobster is. It is a rare colour form caught about once in a million.",
            "Give a tip for storing bread. Keep it in a cloth bag at room temperature.",
            "Summarise why tides happen. The moon's gravity pulls the oceans into two bulges.");

    @Test
    void shouldKeepTheConfiguredShareOfTokensAndPreferRecordsThatCoverTheReference() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accepted.add("Write a slogan number " + i + " for a shoe shop. Shoes shoes shoes for everyone today.");
        }
        accepted.add("Explain what a blue lobster is. It is a rare colour form caught about once in two million.");
        accepted.add("Summarise why seasons happen. The tilt of the earth changes how the sun's light falls.");
        var composition = TailPreservingVersion.compose(accepted, REFERENCE, Function.identity(), 0.1, 0.5,
                TailPreservingVersion.RECORDS);

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
        var composition = TailPreservingVersion.compose(accepted, REFERENCE, Function.identity(), 0.3, 1.0,
                TailPreservingVersion.RECORDS);
        assertTrue(composition.mix().real().contains(REFERENCE.get(4)), "anchors: " + composition.mix().real());
    }

    @Test
    void shouldKeepAtLeastOneSampleWhenTheShareIsSmallerThanAnyRecord() {
        List<String> one = List.of("Describe a lobster. It is a large crustacean that lives on rocky coasts.");
        var composition = TailPreservingVersion.compose(one, REFERENCE, Function.identity(), 0.1, 0.6,
                TailPreservingVersion.RECORDS);
        assertEquals(one, composition.mix().synthetic());
    }

    @Test
    void shouldKeepEverySampleAtKeepShareOneEvenOneLongerThanAnyReferenceRecord() {
        List<String> tied = List.of("one two three four five.", "six seven eight nine ten.", "alpha beta gamma delta epsilon.");
        List<String> accepted = List.of("a short answer about birds and bees.",
                "a much longer answer that goes on about birds and bees and the flowers they visit in the spring"
                        + " and the honey they make in their hives through the long summer days.");
        var composition = TailPreservingVersion.compose(accepted, tied, Function.identity(), 0.0, 1.0,
                TailPreservingVersion.RECORDS);
        assertEquals(accepted, composition.mix().synthetic(), "left out: " + composition.leftOut());
    }

    @Test
    void shouldKeepEverySampleWhenThereIsNothingToSelectAgainst() {
        var composition = TailPreservingVersion.compose(List.of("a sample"), List.of(), Function.identity(), 0.1, 0.5,
                TailPreservingVersion.RECORDS);
        assertEquals(List.of("a sample"), composition.mix().synthetic());
        assertTrue(composition.mix().real().isEmpty());
    }

    @Test
    void shouldRefuseAKeepShareOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> TailPreservingVersion.compose(List.of("a"), REFERENCE,
                Function.identity(), 0.1, 0.0, TailPreservingVersion.RECORDS));
        assertThrows(IllegalStateException.class, () -> AnchorPolicy.TAIL_PRESERVING.mix(List.of(), List.of(),
                List.of(), 0.1, 1L));
        assertEquals(AnchorPolicy.TAIL_PRESERVING, AnchorPolicy.parse("tail-preserving"));
    }
}
