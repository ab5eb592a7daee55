package dev.longtail.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void shouldLowercaseAndKeepInternalApostrophesAndHyphens() {
        assertEquals(List.of("don't", "use", "state-of-the-art", "tools", ",", "bob", "!"),
                Tokenizer.tokenize("Don't use STATE-OF-THE-ART tools, Bob!"));
    }

    @Test
    void shouldSplitPunctuationIntoTokensAndDropOtherSymbols() {
        assertEquals(List.of("(", "a", ")", "\"", "b", "\"", ";", "c", ":", "d", "?", "e", "f", "42", "."),
                Tokenizer.tokenize("(a) \"b\"; c: d? e & f -- #42."));
        assertEquals(List.of("rock", "n", "roll"), Tokenizer.tokenize("rock 'n roll")); // only internal apostrophes join
        assertEquals(List.of("end", "of", "line"), Tokenizer.tokenize("end- of' line"));
    }

    @Test
    void shouldGiveAnEmptyListForNullOrBlankText() {
        assertTrue(Tokenizer.tokenize(null).isEmpty());
        assertTrue(Tokenizer.tokenize("  \n\t").isEmpty());
    }

    @Test
    void shouldDetokenizeWithSentenceCaseAndTightPunctuation() {
        assertEquals("Hello, world. It works (really)! Yes?",
                Tokenizer.detokenize(List.of("hello", ",", "world", ".", "it", "works", "(", "really", ")", "!", "yes", "?")));
        assertEquals("", Tokenizer.detokenize(List.of()));
    }

    @Test
    void shouldCountOnlyWordTokens() {
        assertEquals(4, Tokenizer.wordCount("Hello, world! Don't panic."));
        assertEquals(0, Tokenizer.wordCount("?!"));
        assertTrue(Tokenizer.isWord("42"));
        assertFalse(Tokenizer.isWord(","));
        assertFalse(Tokenizer.isWord("<s>"));
    }

    @Test
    void shouldJoinNGramsWithSingleSpaces() {
        assertEquals(List.of("a b", "b c"), NGrams.of(List.of("a", "b", "c"), 2));
        assertEquals(List.of("a b c"), NGrams.of(List.of("a", "b", "c"), 3));
        assertTrue(NGrams.of(List.of("a", "b"), 3).isEmpty());
    }
}
