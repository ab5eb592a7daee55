package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import dev.longtail.core.text.Tokenizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evol-Instruct's elimination of failed evolutions, all four rules of Xu et al. 2023 (section 3.3), plus three
 * checks of Longtail's own. An evolution is dropped, in this order, when it is
 * <ol>
 * <li>{@code empty}: no word at all;</li>
 * <li>{@code copied-prompt-words} (rule 4): it copies words of the rewriting prompt ("given prompt", "rewritten
 * prompt", "#created prompt#"), or its instruction an unfilled template slot (a brace);</li>
 * <li>{@code stop-words-only} (rule 3): the instruction, or the language model's response, is made only of
 * punctuation and stop words;</li>
 * <li>{@code sorry-short} (rule 2): the language model's response says "sorry" in under
 * {@link #SORRY_MAX_WORDS} words: the evolved instruction is hard to answer (rules only, no response: skipped);</li>
 * <li>{@code unchanged}: the same instruction and input as the parent's, up to case and punctuation;</li>
 * <li>{@code too-long}: more than {@link #MAX_WORDS} words;</li>
 * <li>{@code no-information-gain} (rule 1): the {@link InformationGainJudge} finds nothing new over the parent.</li>
 * </ol>
 * The cheap rules run first so that a language-model judge is asked only about otherwise sound evolutions.
 */
public final class EvolutionElimination {

    public static final String EMPTY = "empty";
    public static final String COPIED_PROMPT_WORDS = "copied-prompt-words";
    public static final String STOP_WORDS_ONLY = "stop-words-only";
    public static final String SORRY_SHORT = "sorry-short";
    public static final String UNCHANGED = "unchanged";
    public static final String TOO_LONG = "too-long";
    public static final String NO_INFORMATION_GAIN = "no-information-gain";

    /** The four rules of WizardLM, by number. */
    public static final List<String> WIZARDLM_RULES = List.of(NO_INFORMATION_GAIN, SORRY_SHORT, STOP_WORDS_ONLY,
            COPIED_PROMPT_WORDS);

    /** Longest evolved instruction kept, in words. */
    public static final int MAX_WORDS = 120;

    /** A response saying "sorry" in fewer words than this is a refusal (WizardLM: 80). */
    public static final int SORRY_MAX_WORDS = 80;

    private static final List<String> PROMPT_WORDS = List.of(
            "#rewritten prompt#", "#given prompt#", "#created prompt#", "#the given prompt#", "rewritten prompt",
            "given prompt", "created prompt", "the prompt above");

    private static final Pattern SORRY = Pattern.compile("\\bsorry\\b", Pattern.CASE_INSENSITIVE);

    private final InformationGainJudge gainJudge;

    public EvolutionElimination(InformationGainJudge gainJudge) {
        this.gainJudge = gainJudge;
    }

    /** The rules with ROUGE-L at the default threshold as the information-gain judge. */
    public static EvolutionElimination standard() {
        return new EvolutionElimination(new RougeLGainJudge(RougeLGainJudge.DEFAULT_THRESHOLD));
    }

    /** The judge of rule 1. */
    public InformationGainJudge gainJudge() {
        return gainJudge;
    }

    /** Why the evolution failed (one of the reasons above), or empty if it survives. */
    public Optional<String> reasonToEliminate(Seed parent, Rewrite rewrite) {
        String instruction = rewrite.instruction();
        if (instruction == null || Tokenizer.wordCount(instruction) == 0) {
            return Optional.of(EMPTY);
        }
        // braces are unfilled template slots in an instruction, but may be data (JSON) in an input
        if (copiesPromptWords(instruction) || instruction.indexOf('{') >= 0 || instruction.indexOf('}') >= 0
                || copiesPromptWords(rewrite.input())) {
            return Optional.of(COPIED_PROMPT_WORDS);
        }
        if (onlyStopWords(instruction) || (rewrite.response() != null && onlyStopWords(rewrite.response()))) {
            return Optional.of(STOP_WORDS_ONLY);
        }
        if (rewrite.response() != null && isSorryAndShort(rewrite.response())) {
            return Optional.of(SORRY_SHORT);
        }
        if (TextFingerprint.of(instruction).equals(TextFingerprint.of(parent.instruction()))
                && TextFingerprint.of(orEmpty(rewrite.input())).equals(TextFingerprint.of(orEmpty(parent.input())))) {
            return Optional.of(UNCHANGED);
        }
        if (Tokenizer.wordCount(instruction) > MAX_WORDS) {
            return Optional.of(TOO_LONG);
        }
        if (gainJudge.lacksGain(parent, rewrite)) {
            return Optional.of(NO_INFORMATION_GAIN);
        }
        return Optional.empty();
    }

    /** Rule 4: the text copies words of the rewriting prompt. */
    public static boolean copiesPromptWords(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return PROMPT_WORDS.stream().anyMatch(lower::contains);
    }

    /** Rule 3: every token is punctuation or a stop word (true for a text without tokens). */
    public static boolean onlyStopWords(String text) {
        for (String token : Tokenizer.tokenize(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
            if (Tokenizer.isWord(token) && !ContentWords.isStopWord(token)) {
                return false;
            }
        }
        return true;
    }

    /** Rule 2: says "sorry" in fewer than {@link #SORRY_MAX_WORDS} words. */
    public static boolean isSorryAndShort(String response) {
        return SORRY.matcher(response).find() && Tokenizer.wordCount(response) < SORRY_MAX_WORDS;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
