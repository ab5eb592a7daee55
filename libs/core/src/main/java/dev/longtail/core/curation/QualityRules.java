package dev.longtail.core.curation;

import dev.longtail.core.dedup.ShingleMinHasher;
import dev.longtail.core.text.Tokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-sample quality stages of the chain, which need no state: length, Self-Instruct's instruction
 * heuristics (Wang et al. 2022), leaked template markers, refusal boilerplate, the non-alphabetic share, and
 * repetition (Gopher's rules, Rae et al. 2021: duplicate-line fraction and the character share of the most
 * frequent 2-, 3- and 4-gram; plus the repeated-trigram share and token runs of the earlier curator). Each
 * check returns null when the sample passes, or the rejection with its stage, score and threshold.
 */
public final class QualityRules {

    public static final String STAGE_INSTRUCTION = "instruction";
    public static final String STAGE_TEMPLATE_LEAK = "template-leak";
    public static final String STAGE_REFUSAL = "refusal";
    public static final String STAGE_NON_ALPHABETIC = "non-alphabetic";
    public static final String STAGE_TOKEN_RUN = "repetition.token-run";
    public static final String STAGE_REPEATED_TRIGRAMS = "repetition.repeated-3grams";
    public static final String STAGE_DUPLICATE_LINES = "repetition.duplicate-lines";
    public static final String STAGE_TOP_NGRAM = "repetition.top-%dgram";

    /** "#… Prompt#" in any wording: the markers Evol-Instruct's templates use. */
    private static final Pattern PROMPT_MARKER = Pattern.compile("#\\s*[a-z ]{0,30}prompt\\s*#");

    private QualityRules() {
    }

    /** Output word count within the bounds. */
    static Decision length(int words, CurationConfig c) {
        if (words < c.minWords()) {
            return Decision.rejected(RejectionReason.TOO_SHORT, Decision.STAGE_LENGTH, words, c.minWords());
        }
        if (words > c.maxWords()) {
            return Decision.rejected(RejectionReason.TOO_LONG, Decision.STAGE_LENGTH, words, c.maxWords());
        }
        return null;
    }

    /** Self-Instruct's filters on an instruction (skipped when there is none). */
    static Decision instruction(String instruction, List<String> words, CurationConfig c) {
        if (instruction == null || instruction.isBlank()) {
            return null;
        }
        if (words.size() < c.instructionMinWords()) {
            return Decision.rejected(RejectionReason.BAD_INSTRUCTION, STAGE_INSTRUCTION, words.size(), c.instructionMinWords());
        }
        if (words.size() > c.instructionMaxWords()) {
            return Decision.rejected(RejectionReason.BAD_INSTRUCTION, STAGE_INSTRUCTION, words.size(), c.instructionMaxWords());
        }
        int first = instruction.strip().codePointAt(0);
        if (!Character.isLetterOrDigit(first)) {
            // Self-Instruct drops instructions that start with punctuation: continuations and fragments
            return Decision.rejected(RejectionReason.BAD_INSTRUCTION, STAGE_INSTRUCTION + ".leading-punctuation", 1, 0);
        }
        Set<String> present = new HashSet<>(words);
        String joined = " " + String.join(" ", words) + " ";
        for (String modality : c.unsupportedModalityWords()) {
            String m = modality.toLowerCase(Locale.ROOT).strip();
            boolean found = m.indexOf(' ') >= 0 ? joined.contains(" " + m + " ") : present.contains(m);
            if (found) {
                return Decision.rejected(RejectionReason.UNSUPPORTED_MODALITY, STAGE_INSTRUCTION + ".modality", 1, 0);
            }
        }
        return null;
    }

    /** A leaked template marker anywhere in the sample. */
    static Decision templateLeak(String lowerText, CurationConfig c) {
        for (String marker : c.templateMarkers()) {
            if (lowerText.contains(marker.toLowerCase(Locale.ROOT))) {
                return Decision.rejected(RejectionReason.TEMPLATE_LEAK, STAGE_TEMPLATE_LEAK, 1, 0);
            }
        }
        if (PROMPT_MARKER.matcher(lowerText).find()) {
            return Decision.rejected(RejectionReason.TEMPLATE_LEAK, STAGE_TEMPLATE_LEAK, 1, 0);
        }
        return null;
    }

    /** Refusal boilerplate in the output. */
    static Decision refusal(String lowerOutput, CurationConfig c) {
        String text = lowerOutput.replace('\u2019', '\'');
        for (String phrase : c.refusalPhrases()) {
            if (text.contains(phrase.toLowerCase(Locale.ROOT))) {
                return Decision.rejected(RejectionReason.REFUSAL, STAGE_REFUSAL, 1, 0);
            }
        }
        return null;
    }

    /** Share of the output's non-space characters that are not letters. */
    public static double nonAlphabeticShare(String output) {
        int counted = 0;
        int other = 0;
        for (int i = 0; i < output.length(); ) {
            int cp = output.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                continue;
            }
            counted++;
            if (!Character.isLetter(cp)) {
                other++;
            }
        }
        return counted == 0 ? 0.0 : (double) other / counted;
    }

    static Decision nonAlphabetic(String output, CurationConfig c) {
        double share = nonAlphabeticShare(output);
        if (share > c.maxNonAlphabeticShare()) {
            return Decision.rejected(RejectionReason.NON_ALPHABETIC, STAGE_NON_ALPHABETIC, share, c.maxNonAlphabeticShare());
        }
        return null;
    }

    /** The repetition rules, first failing one wins. */
    static Decision repetition(String output, List<String> tokens, List<String> words, long[] wordHashes, CurationConfig c) {
        int run = longestRun(tokens);
        if (run >= c.maxTokenRun()) {
            return Decision.rejected(RejectionReason.DEGENERATE, STAGE_TOKEN_RUN, run, c.maxTokenRun());
        }
        double repeated = repeatedNgramShare(wordHashes, 3);
        if (repeated > c.maxRepeatedNgramShare()) {
            return Decision.rejected(RejectionReason.DEGENERATE, STAGE_REPEATED_TRIGRAMS, repeated, c.maxRepeatedNgramShare());
        }
        double lines = duplicateLineShare(output);
        if (lines > c.maxDuplicateLineShare()) {
            return Decision.rejected(RejectionReason.DEGENERATE, STAGE_DUPLICATE_LINES, lines, c.maxDuplicateLineShare());
        }
        double[] limits = {c.maxTop2gramShare(), c.maxTop3gramShare(), c.maxTop4gramShare()};
        for (int n = 2; n <= 4; n++) {
            double top = topNgramCharShare(words, wordHashes, n);
            if (top > limits[n - 2]) {
                return Decision.rejected(RejectionReason.DEGENERATE, String.format(STAGE_TOP_NGRAM, n), top, limits[n - 2]);
            }
        }
        return null;
    }

    /** Longest run of one token repeated back to back. */
    public static int longestRun(List<String> tokens) {
        int longest = 0;
        int run = 0;
        String previous = null;
        for (String token : tokens) {
            run = token.equals(previous) ? run + 1 : 1;
            previous = token;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Share of the word n-grams that repeat an earlier n-gram of the same text (0 without n-grams). */
    public static double repeatedNgramShare(long[] wordHashes, int n) {
        long[] grams = ngramHashes(wordHashes, n);
        return grams.length == 0 ? 0.0 : (double) new GramCounts(grams).repeats / grams.length;
    }

    /** Share of non-blank lines that repeat an earlier line (Gopher's duplicate-line fraction); 0 for one line. */
    public static double duplicateLineShare(String text) {
        String[] lines = text.split("\n");
        Set<String> seen = new HashSet<>();
        int total = 0;
        int duplicates = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            total++;
            if (!seen.add(l)) {
                duplicates++;
            }
        }
        return total < 2 ? 0.0 : (double) duplicates / total;
    }

    /**
     * Gopher's top n-gram character fraction: the characters covered by the occurrences of the most frequent word
     * n-gram over all word characters; 0 when no n-gram occurs twice.
     */
    public static double topNgramCharShare(List<String> words, long[] wordHashes, int n) {
        long[] grams = ngramHashes(wordHashes, n);
        if (grams.length < 2) {
            return 0.0;
        }
        GramCounts counts = new GramCounts(grams);
        if (counts.topCount < 2) {
            return 0.0;
        }
        int gramChars = 0;
        for (int j = counts.topFirst; j < counts.topFirst + n; j++) {
            gramChars += words.get(j).length();
        }
        int totalChars = 0;
        for (String w : words) {
            totalChars += w.length();
        }
        return totalChars == 0 ? 0.0 : (double) gramChars * counts.topCount / totalChars;
    }

    /** Counts of n-gram hashes in one pass over a small open-addressing table: repeats and the most frequent one. */
    static final class GramCounts {
        int repeats;
        int topCount;
        int topFirst;

        GramCounts(long[] grams) {
            int capacity = Integer.highestOneBit(Math.max(4, grams.length * 2)) << 1;
            long[] keys = new long[capacity];
            int[] counts = new int[capacity];
            int[] first = new int[capacity];
            int mask = capacity - 1;
            for (int i = 0; i < grams.length; i++) {
                long g = grams[i] == 0 ? 1 : grams[i];
                int slot = (int) (g ^ (g >>> 29)) & mask;
                while (counts[slot] != 0 && keys[slot] != g) {
                    slot = (slot + 1) & mask;
                }
                if (counts[slot] == 0) {
                    keys[slot] = g;
                    first[slot] = i;
                } else {
                    repeats++;
                }
                int c = ++counts[slot];
                if (c > topCount) {
                    topCount = c;
                    topFirst = first[slot];
                }
            }
        }
    }

    /** Hashes of the word n-grams, in order. */
    static long[] ngramHashes(long[] wordHashes, int n) {
        if (wordHashes.length < n) {
            return new long[0];
        }
        long[] grams = new long[wordHashes.length - n + 1];
        for (int i = 0; i < grams.length; i++) {
            long h = n;
            for (int j = 0; j < n; j++) {
                h = Long.rotateLeft(h * 0x9E3779B97F4A7C15L, 17) ^ wordHashes[i + j];
            }
            grams[i] = ShingleMinHasher.fmix64(h);
        }
        return grams;
    }

    /** The word tokens (punctuation dropped) of a token list. */
    static List<String> words(List<String> tokens) {
        return tokens.stream().filter(Tokenizer::isWord).toList();
    }
}
