package dev.longtail.core.metrics;

import dev.longtail.core.text.Tokenizer;
import java.util.List;

/** One text of a corpus as the collapse metrics read it: the raw text, its tokens and its category (may be null). */
public record CorpusText(String text, List<String> tokens, String category) {

    public CorpusText {
        text = text == null ? "" : text;
        tokens = List.copyOf(tokens);
    }

    /** Tokenises the text with the shared tokeniser. */
    public static CorpusText of(String text, String category) {
        String t = text == null ? "" : text;
        return new CorpusText(t, Tokenizer.tokenize(t), category);
    }
}
