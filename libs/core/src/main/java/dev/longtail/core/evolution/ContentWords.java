package dev.longtail.core.evolution;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content words of instructions (no stop words, no instruction verbs) and their document frequency in a
 * seed pool: what the rule-based operators parameterise and swap, and what the embedded model's instruction
 * retrieval compares ({@code dev.longtail.core.lm.InstructionIndex}).
 */
public final class ContentWords {

    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "in", "on", "at", "to", "for",
            "from", "by", "with", "without", "about", "into", "onto", "over", "under", "between", "through",
            "during", "before", "after", "above", "below", "up", "down", "out", "off", "again", "further",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have",
            "has", "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
            "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
            "them", "their", "this", "that", "these", "those", "what", "which", "who", "whom", "whose", "why",
            "how", "when", "where", "there", "here", "all", "any", "both", "each", "few", "more", "most",
            "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
            "just", "also", "as", "one", "two", "three", "many", "much", "every", "own", "its", "it's", "don't",
            "using", "use", "used", "like", "way", "ways", "thing", "things", "something", "someone", "etc"));

    /** Verbs that frame an instruction rather than carry its topic. */
    private static final Set<String> FRAME_WORDS = Set.copyOf(List.of(
            "explain", "describe", "write", "list", "give", "compare", "summarize", "summarise", "tell",
            "provide", "create", "make", "name", "define", "discuss", "outline", "suggest", "show", "find",
            "identify", "classify", "translate", "rewrite", "generate", "answer", "include", "mention",
            "state", "please", "brief", "short", "simple", "example", "examples", "sentence", "sentences",
            "words", "word", "step", "steps", "paragraph", "paragraphs", "reader", "question", "list",
            "reasoning", "concrete", "detail", "details", "most", "least", "number", "numbered"));

    /** Words after which a noun phrase starts. */
    private static final Set<String> PHRASE_OPENERS = Set.of(
            "a", "an", "the", "of", "about", "in", "on", "for", "with", "to", "from", "into", "between", "by",
            "at", "over", "under", "during", "without", "through", "his", "her", "their", "our", "your", "my",
            "its", "this", "that", "these", "those", "some", "any", "each", "every");

    private ContentWords() {
    }

    /**
     * Likely noun-phrase heads: distinct content words that end a phrase (the next token is not a content
     * word) and have a determiner or preposition at most two tokens before them ("the water cycle",
     * "in green plants"). Without a part-of-speech tagger this keeps swaps to noun slots, so that a shifted
     * instruction still reads as grammatical.
     */
    static List<String> slots(String text) {
        List<String> tokens = Tokenizer.tokenize(text);
        Set<String> slots = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!isContentWord(token)) {
                continue;
            }
            boolean endsPhrase = i + 1 >= tokens.size() || !isContentWord(tokens.get(i + 1));
            boolean opened = (i >= 1 && PHRASE_OPENERS.contains(tokens.get(i - 1)))
                    || (i >= 2 && PHRASE_OPENERS.contains(tokens.get(i - 2)) && isContentWord(tokens.get(i - 1)));
            if (endsPhrase && opened) {
                slots.add(token);
            }
        }
        return new ArrayList<>(slots);
    }

    /** Distinct content words of a text, in order of first appearance. */
    public static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : Tokenizer.tokenize(text)) {
            if (isContentWord(token)) {
                words.add(token);
            }
        }
        return new ArrayList<>(words);
    }

    /** Whether a token carries topic: a word of three or more letters, no digit, no stop or frame word. */
    public static boolean isContentWord(String token) {
        if (token.length() < 3 || !Tokenizer.isWord(token) || STOP_WORDS.contains(token) || FRAME_WORDS.contains(token)) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a token is a stop word ("the", "of", "you"): no topic, no task. */
    static boolean isStopWord(String token) {
        return STOP_WORDS.contains(token);
    }

    /** Whether a token is a verb or word that frames an instruction ("explain", "describe") rather than a topic. */
    static boolean isFrameWord(String token) {
        return FRAME_WORDS.contains(token);
    }

    /** Number of seeds of the pool whose instruction contains each content word. */
    static Map<String, Integer> documentFrequency(List<Seed> pool) {
        Map<String, Integer> df = new HashMap<>();
        for (Seed seed : pool) {
            for (String word : of(seed.instruction())) {
                df.merge(word, 1, Integer::sum);
            }
        }
        return df;
    }
}
