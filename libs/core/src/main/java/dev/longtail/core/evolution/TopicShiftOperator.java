package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * In-breadth evolution by rule (Evol-Instruct, Xu et al. 2023: "create a new, rarer prompt in the same
 * domain"): keeps the parent's instruction frame and swaps one of its noun-phrase heads (two when it has
 * four or more; see {@code ContentWords.slots}) for noun-phrase heads of other seeds of the same category
 * that the parent lacks.
 *
 * <p>Donor words are drawn with weight 1/df², df being the number of pool instructions that contain the
 * word, so rare words come first and the tail widens; the parent word to replace is drawn with weight
 * df·position², so common words and the later phrase heads (where the topic usually sits: "write a haiku
 * about the winter sea") go first, and the form of the request ("a haiku") mostly stays. Returns empty when the category has no donor
 * seed with a usable word.
 */
public final class TopicShiftOperator implements EvolutionOperator {

    public static final String NAME = "topic-shift";

    /** Document frequencies of the last pool seen: evolution calls the operator many times per pool. */
    private volatile PoolStats lastPool;

    private record PoolStats(List<Seed> pool, Map<String, Integer> documentFrequency) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OperatorKind kind() {
        return OperatorKind.IN_BREADTH;
    }

    @Override
    public Optional<String> evolve(Seed parent, List<Seed> pool, RandomGenerator rng) {
        String instruction = parent.instruction() == null ? "" : parent.instruction().strip();
        List<String> parentWords = ContentWords.slots(instruction);
        List<String> parentContent = ContentWords.of(instruction);
        if (parentWords.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> df = documentFrequency(pool);
        List<String> donorWords = new ArrayList<>();
        for (Seed donor : pool) {
            if (donor == parent || java.util.Objects.equals(donor.id(), parent.id())
                    || !java.util.Objects.equals(donor.category(), parent.category())) {
                continue;
            }
            for (String word : ContentWords.slots(donor.instruction())) {
                if (!parentContent.contains(word) && !donorWords.contains(word)) {
                    donorWords.add(word);
                }
            }
        }
        if (donorWords.isEmpty()) {
            return Optional.empty();
        }
        int swaps = parentWords.size() >= 4 ? 2 : 1;
        String evolved = instruction;
        List<String> replaceable = new ArrayList<>(parentWords);
        for (int s = 0; s < swaps && !replaceable.isEmpty() && !donorWords.isEmpty(); s++) {
            String out = pick(replaceable,
                    w -> df.getOrDefault(w, 1) * Math.pow(parentWords.indexOf(w) + 1, 2), rng);
            String in = pick(donorWords, w -> 1.0 / Math.pow(df.getOrDefault(w, 1), 2), rng);
            replaceable.remove(out);
            donorWords.remove(in);
            evolved = replaceWord(evolved, out, in);
        }
        return evolved.equals(instruction) ? Optional.empty() : Optional.of(evolved);
    }

    private Map<String, Integer> documentFrequency(List<Seed> pool) {
        PoolStats stats = lastPool;
        if (stats == null || stats.pool() != pool) {
            stats = new PoolStats(pool, ContentWords.documentFrequency(pool));
            lastPool = stats;
        }
        return stats.documentFrequency();
    }

    private static String pick(List<String> items, java.util.function.ToDoubleFunction<String> weight, RandomGenerator rng) {
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
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}'-])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}]|['-][\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
