package dev.longtail.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailPreservingCurationTest {

    private static final List<List<String>> REFERENCE = lines(
            "the lobster lives on rocky coasts of the eastern atlantic ocean .",
            "the lobster is blue in life and turns red when it is cooked .",
            "fishermen catch the lobster in pots set on the sea floor near the coast .",
            "a rare amber lobster was caught off the cornish coast in the spring .",
            "the claws of the lobster differ : one crushes and one cuts .",
            "young lobsters shed their shell several times a year as they grow .");

    /** The reference with a long paragraph too, so candidate lines of several sentences are not too long. */
    private static final List<List<String>> WITH_PARAGRAPH = withParagraph();

    private static List<List<String>> withParagraph() {
        List<List<String>> all = new ArrayList<>(REFERENCE);
        all.add(Tokenizer.tokenize("the lobster is a large crustacean of the sea . it lives on rocky coasts and hides"
                + " in holes by day . at night it walks on the sea floor to hunt for crabs and worms ."));
        return all;
    }

    @Test
    void shouldKeepTheBudgetAndTheRealShare() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.DEFAULTS);
        List<List<String>> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(Tokenizer.tokenize("the lobster number " + i + " lives in pots near the rocky coast of the sea ."));
        }
        CuratedGeneration curated = curation.curate(candidates, List.of(), 60, 0.1, 0.8, 7);
        assertTrue(curated.syntheticTokens() + curated.anchorTokens() <= 60);
        assertTrue(curated.anchorTokens() <= 6, "anchors " + curated.anchorTokens());
        assertFalse(curated.synthetic().isEmpty());
    }

    @Test
    void shouldPreferALineOfRealNGramsOverJunk() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, new SelectionSettings(3, 0.02, 0, 1, 5, 0.8, 0.3));
        List<String> rare = Tokenizer.tokenize("a rare amber lobster was caught when the claws shed in spring .");
        List<String> junk = Tokenizer.tokenize("zebra quantum violin under seventeen gravel moons sing loudly now .");
        CuratedGeneration curated = curation.curate(List.of(junk, rare), List.of(), rare.size(), 0.0, 0.8, 7);
        assertEquals(List.of(rare), curated.synthetic());
    }

    @Test
    void shouldPreferTheCandidateThatCoversWhatTheSelectionStillLacks() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, new SelectionSettings(3, 0.02, 0, 1, 5, 0.8, 0.3));
        // (one lobster per line: the curator's Gopher rule rejects a line whose top bigram covers 20% of it)
        List<String> common = Tokenizer.tokenize("the lobster is blue in life and turns red on the coast .");
        List<String> sameAgain = Tokenizer.tokenize("on the coast the lobster is blue in life and turns red .");
        List<String> rare = Tokenizer.tokenize("a rare amber lobster was caught when the claws shed in spring .");
        // room for two of the three lines: once the common content is in, the rare line adds more than its echo
        CuratedGeneration curated = curation.curate(List.of(common, sameAgain, rare), List.of(), 2 * common.size(), 0.0, 0.8, 7);
        assertEquals(2, curated.synthetic().size());
        assertTrue(curated.synthetic().contains(rare), curated.synthetic().toString());
    }

    @Test
    void shouldSetAsideACandidateThatCopiesARealLine() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.DEFAULTS);
        List<String> copy = new ArrayList<>(REFERENCE.get(2));
        CuratedGeneration curated = curation.curate(List.of(copy), List.of(), 1000, 0.1, 0.8, 7);
        assertTrue(curated.synthetic().isEmpty());
        assertEquals(1, curated.rejections().get(TailPreservingCuration.COPIES_REFERENCE));
    }

    @Test
    void shouldRejectANearDuplicateOfWhatThePreviousModelWasTrainedOn() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.LINES_FRESH);
        List<String> previous = Tokenizer.tokenize("the blue lobster was sold in the town market on monday .");
        List<String> again = new ArrayList<>(previous);
        CuratedGeneration curated = curation.curate(List.of(again), List.of(previous), 1000, 0.1, 0.8, 7);
        assertTrue(curated.synthetic().isEmpty());
        assertTrue(curated.rejections().containsKey("EXACT_DUPLICATE"), curated.rejections().toString());
    }

    @Test
    void shouldHoldTheRealLengthProfileInsteadOfPickingShortLines() {
        List<List<String>> reference = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reference.add(Tokenizer.tokenize("word" + i + " the lobster ."));
            reference.add(Tokenizer.tokenize("word" + i + " the lobster lives on the rocky coast of the sea and eats crabs"
                    + " and the fishermen catch it in pots near the shore ."));
        }
        TailPreservingCuration curation = new TailPreservingCuration(reference, SelectionSettings.LINES_FRESH);
        List<List<String>> candidates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            candidates.add(Tokenizer.tokenize("word" + (i % 10) + " the lobster ."));
            candidates.add(Tokenizer.tokenize("word" + (i % 10) + " the lobster lives on the rocky coast of the sea and eats"
                    + " fish" + i + " and the fishermen catch it in pots near the shore ."));
        }
        CuratedGeneration curated = curation.curate(candidates, List.of(), 300, 0.0, 0.8, 7);
        long longTokens = curated.synthetic().stream().filter(l -> l.size() > 10).mapToLong(List::size).sum();
        long all = curated.syntheticTokens();
        // the reference holds 26 of every 30 tokens in long lines; the selection keeps that share
        assertTrue(all > 200 && longTokens >= 0.8 * all, longTokens + " of " + all + " tokens in long lines");
    }

    @Test
    void shouldRefuseAnEmptyReferenceAndABadRealShare() {
        assertThrows(IllegalArgumentException.class, () -> new TailPreservingCuration(List.of(), SelectionSettings.DEFAULTS));
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.DEFAULTS);
        assertThrows(IllegalArgumentException.class, () -> curation.curate(List.of(), List.of(), 10, 1.0, 0.8, 1));
    }

    @Test
    void shouldBuildTrainingLinesFromWholeGeneratedSentencesInGenerationOrder() {
        TailPreservingCuration curation = new TailPreservingCuration(WITH_PARAGRAPH, SelectionSettings.DEFAULTS);
        List<List<String>> candidates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candidates.add(Tokenizer.tokenize("the lobster number " + i + " lives on rocky coasts . fishermen catch it"
                    + " in pots near the coast " + i + " . young lobsters shed their shell in spring " + i + " ."));
        }
        List<List<String>> generatedSentences = new ArrayList<>();
        for (List<String> line : candidates) {
            for (int[] span : TailPreservingCuration.sentences(line)) {
                generatedSentences.add(line.subList(span[0], span[1]));
            }
        }
        CuratedGeneration curated = curation.curate(candidates, List.of(), 200, 0.0, 0.8, 7);
        assertFalse(curated.synthetic().isEmpty());
        int next = 0; // the training lines' sentences must be a subsequence of the generated ones
        for (List<String> line : curated.synthetic()) {
            for (int[] span : TailPreservingCuration.sentences(line)) {
                List<String> sentence = line.subList(span[0], span[1]);
                while (next < generatedSentences.size() && !generatedSentences.get(next).equals(sentence)) {
                    next++;
                }
                assertTrue(next < generatedSentences.size(), "not a whole generated sentence in order: " + sentence);
                next++;
            }
        }
        assertTrue(curated.syntheticTokens() <= 200);
    }

    @Test
    void shouldSetAsideAGeneratedSentenceThatCopiesARealSentence() {
        TailPreservingCuration curation = new TailPreservingCuration(WITH_PARAGRAPH, SelectionSettings.DEFAULTS);
        List<String> realSentence = REFERENCE.get(3);
        List<String> line = new ArrayList<>(Tokenizer.tokenize("zebra quantum violins sing under gravel moons all night ."));
        line.addAll(realSentence);
        CuratedGeneration curated = curation.curate(List.of(line), List.of(), 1000, 0.0, 0.8, 7);
        for (List<String> kept : curated.synthetic()) {
            assertFalse(String.join(" ", kept).contains(String.join(" ", realSentence)), kept.toString());
        }
        assertEquals(1, curated.rejections().get(TailPreservingCuration.COPIES_REFERENCE_SENTENCE));
    }

    @Test
    void shouldCarryOverAtMostTheCappedShareOfTheSyntheticBudget() {
        SelectionSettings settings = SelectionSettings.DEFAULTS.withMaxCarriedShare(0.5);
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, settings);
        List<List<String>> previous = lines(
                "a rare amber lobster lives on rocky coasts of the eastern atlantic ocean .",
                "young lobsters shed their shell when it is cooked .",
                "fishermen catch the amber lobster in pots set on the cornish coast in the spring .");
        List<List<String>> fresh = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fresh.add(Tokenizer.tokenize("lobster " + i + " swims ."));
        }
        CuratedGeneration curated = curation.curate(fresh, previous, 60, 0.0, 0.8, 7);
        assertTrue(curated.carriedTokens() > 0, "the previous lines hold the real n-grams and must be preferred");
        assertTrue(curated.carriedTokens() <= 30, "carried " + curated.carriedTokens() + " of a 60-token budget");
        assertEquals(0, new TailPreservingCuration(REFERENCE, settings.withMaxCarriedShare(0))
                .curate(fresh, previous, 60, 0.0, 0.8, 7).carriedTokens());
    }

    @Test
    void shouldDropTheSentencesTheReferenceDoesNotAttestWhenAskedTo() {
        TailPreservingCuration curation = new TailPreservingCuration(WITH_PARAGRAPH,
                SelectionSettings.DEFAULTS.withMinAttestedShare(0.5).withMaxCarriedShare(0));
        List<String> line = new ArrayList<>(Tokenizer.tokenize("the lobster is blue in life and turns bright red when it is boiled ."));
        line.addAll(Tokenizer.tokenize("zebra quantum violins sing under gravel moons all night ."));
        CuratedGeneration curated = curation.curate(List.of(line), List.of(), 1000, 0.0, 0.8, 7);
        assertEquals(1, curated.synthetic().size());
        assertFalse(curated.synthetic().get(0).contains("zebra"), curated.synthetic().toString());
        assertTrue(curated.synthetic().get(0).contains("lobster"));
    }

    private static List<List<String>> lines(String... texts) {
        List<List<String>> lines = new ArrayList<>();
        for (String t : texts) {
            lines.add(Tokenizer.tokenize(t));
        }
        return lines;
    }

    @Test
    void shouldChooseWholeRecordsUnderTheBudgetAndFillTheRealShareWithWhatTheyLack() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.LINES_FRESH);
        List<String> common = Tokenizer.tokenize("the lobster lives on the rocky coast of the sea .");
        List<String> echo = Tokenizer.tokenize("the lobster lives on the rocky coast of the ocean .");
        List<String> rare = Tokenizer.tokenize("a rare amber lobster was caught when the claws shed in spring .");
        List<String> junk = Tokenizer.tokenize("zebra quantum violin under seventeen gravel moons sing loudly now .");
        long budget = (common.size() + rare.size()) * 10 / 9; // two records and a tenth of real data
        LineSelection selection =
                curation.selectLines(List.of(common, echo, junk, rare), List.of(), budget, 0.1);

        assertEquals(2, selection.fresh().length);
        assertTrue(java.util.Arrays.stream(selection.fresh()).anyMatch(i -> i == 3), "the rare record is kept");
        assertTrue(java.util.Arrays.stream(selection.fresh()).noneMatch(i -> i == 2), "the junk record is left out");
        assertEquals(2, selection.leftOut().get(TailPreservingCuration.NOT_SELECTED));
        assertTrue(selection.syntheticTokens() + selection.anchorTokens() <= budget);
        assertTrue(selection.anchorTokens() <= Math.floor(0.1 * budget));
    }

    @Test
    void shouldCarryOverPreviousRecordsOnlyUpToTheCappedShare() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.LINES_FRESH.withMaxCarriedShare(0.5));
        List<List<String>> carried = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            carried.add(Tokenizer.tokenize("a rare amber lobster number " + i + " was caught in the spring ."));
        }
        List<List<String>> fresh = List.of(Tokenizer.tokenize("zebra quantum violin under seventeen gravel moons sing loudly now ."));
        LineSelection selection = curation.selectLines(fresh, carried, 60, 0.0);
        long carriedTokens = java.util.Arrays.stream(selection.carried()).mapToLong(i -> carried.get(i).size()).sum();
        assertTrue(carriedTokens > 0 && carriedTokens <= 30, "carried " + carriedTokens + " of 60");
        assertEquals(1, selection.fresh().length, "the fresh record fills what the carried cap leaves");
    }

    @Test
    void shouldSetAsideARecordThatCopiesTheReference() {
        TailPreservingCuration curation = new TailPreservingCuration(REFERENCE, SelectionSettings.LINES_FRESH);
        LineSelection selection =
                curation.selectLines(List.of(new ArrayList<>(REFERENCE.get(3))), List.of(), 1000, 0.0);
        assertEquals(0, selection.fresh().length);
        assertEquals(1, selection.leftOut().get(TailPreservingCuration.COPIES_REFERENCE));
    }
}
