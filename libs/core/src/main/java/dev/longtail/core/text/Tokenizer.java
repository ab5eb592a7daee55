package dev.longtail.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one tokeniser every part of the loop shares (model, curation, metrics), so that counts agree.
 *
 * <p>Text is lower-cased; a word token is a run of letters or digits that may contain internal
 * apostrophes and hyphens ({@code don't}, {@code state-of-the-art}); each of {@code . , ; : ! ? ( ) "}
 * is a token on its own; every other character separates tokens.
 */
public final class Tokenizer {

    private static final String PUNCTUATION = ".,;:!?()\"";
    private static final String NO_SPACE_BEFORE = ".,;:!?)";
    private static final String SENTENCE_END = ".!?";

    private Tokenizer() {
    }

    /** Splits text into lower-case word and punctuation tokens; null or blank gives an empty list. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int cp = lower.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                int end = i + Character.charCount(cp);
                int j = end;
                while (j < n) {
                    int c = lower.codePointAt(j);
                    if (Character.isLetterOrDigit(c)) {
                        j += Character.charCount(c);
                        end = j;
                    } else if (isJoiner(c) && j + 1 < n && Character.isLetterOrDigit(lower.codePointAt(j + 1))) {
                        // an apostrophe or hyphen joins only when a letter or digit follows it
                        j += Character.charCount(c);
                    } else {
                        break;
                    }
                }
                tokens.add(lower.substring(start, end));
                i = end;
            } else {
                if (cp < 128 && PUNCTUATION.indexOf(cp) >= 0) {
                    tokens.add(String.valueOf((char) cp));
                }
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '-' || c == '\u2019';
    }

    /**
     * Joins tokens back into readable text: single spaces, none before closing punctuation or after an
     * opening parenthesis, the first word and every word after a sentence end capitalised.
     */
    public static String detokenize(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        boolean capitalise = true;
        boolean afterOpen = false;
        for (String token : tokens) {
            if (token == null || token.isEmpty()) {
                continue;
            }
            boolean closing = token.length() == 1 && NO_SPACE_BEFORE.indexOf(token.charAt(0)) >= 0;
            if (out.length() > 0 && !closing && !afterOpen) {
                out.append(' ');
            }
            if (capitalise && isWord(token)) {
                out.appendCodePoint(Character.toUpperCase(token.codePointAt(0)));
                out.append(token, Character.charCount(token.codePointAt(0)), token.length());
                capitalise = false;
            } else {
                out.append(token);
            }
            afterOpen = token.equals("(");
            if (token.length() == 1 && SENTENCE_END.indexOf(token.charAt(0)) >= 0) {
                capitalise = true;
            }
        }
        return out.toString();
    }

    /** Number of word tokens in the text, punctuation excluded. */
    public static int wordCount(String text) {
        int count = 0;
        for (String token : tokenize(text)) {
            if (isWord(token)) {
                count++;
            }
        }
        return count;
    }

    /** Whether a token is a word (starts with a letter or digit) rather than punctuation or a marker. */
    public static boolean isWord(String token) {
        return token != null && !token.isEmpty() && Character.isLetterOrDigit(token.codePointAt(0));
    }
}
