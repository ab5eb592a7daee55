package dev.longtail.core.evolution;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text surgery the rule-based operators share: weighted draws, whole-word replacement, sentence joins. */
final class Rewriting {

    private Rewriting() {
    }

    /** The instruction, stripped; empty for null. */
    static String instructionOf(Seed seed) {
        return seed.instruction() == null ? "" : seed.instruction().strip();
    }

    /** The instruction ending in a sentence mark, so that another sentence can follow it. */
    static String closed(String instruction) {
        char last = instruction.charAt(instruction.length() - 1);
        return ".?!".indexOf(last) >= 0 ? instruction : instruction + ".";
    }

    /** The instruction without its closing sentence marks, so that a clause can follow it. */
    static String open(String instruction) {
        int end = instruction.length();
        while (end > 0 && ".?!".indexOf(instruction.charAt(end - 1)) >= 0) {
            end--;
        }
        return instruction.substring(0, end);
    }

    /** The text with its first letter lower-cased, to continue a sentence (not for acronyms such as "DNA"). */
    static String continuing(String text) {
        if (text.length() >= 2 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    /** An item drawn with probability proportional to its weight. */
    static String pick(List<String> items, ToDoubleFunction<String> weight, RandomGenerator rng) {
        double total = 0;
        for (String item : items) {
            total += weight.applyAsDouble(item);
        }
        double u = rng.nextDouble() * total;
        for (String item : items) {
            u -= weight.applyAsDouble(item);
            if (u < 0) {
                return item;
            }
        }
        return items.get(items.size() - 1);
    }

    /** Replaces the first whole-word, case-insensitive occurrence, keeping an initial capital. */
    static String replaceWord(String text, String word, String replacement) {
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}'-])" + Pattern.quote(word)
                + "(?![\\p{L}\\p{N}]|['-][\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        String found = m.group();
        String r = replacement;
        if (!found.isEmpty() && Character.isUpperCase(found.charAt(0))) {
            r = replacement.substring(0, 1).toUpperCase(Locale.ROOT) + replacement.substring(1);
        }
        return text.substring(0, m.start()) + r + text.substring(m.end());
    }
}
