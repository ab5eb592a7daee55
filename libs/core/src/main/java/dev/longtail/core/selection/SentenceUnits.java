package dev.longtail.core.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sentence units of a selection: a line's sentence spans, a sentence's n-gram keys in its line's context, the
 * cut of sentences the reference does not attest, and the packing of chosen sentences back into lines whose
 * lengths follow the reference's. A sentence ends at a {@code .}, {@code ?} or {@code !} token, the line's last
 * sentence at its end.
 */
final class SentenceUnits {

    /** A pool split into selection units (lines or sentences), their n-gram keys, and the first carried unit. */
    record Units(List<List<String>> units, long[][] keys, int firstCarried) {
    }

    private SentenceUnits() {
    }

    /**
     * The pool's units, in pool order: whole lines, or each line's sentences keyed in the line's context.
     * {@code firstCarriedLine} is the first carried line of the pool; the result names its first unit.
     */
    static Units split(List<List<String>> pool, int firstCarriedLine, ReferenceProfile profile, boolean bySentence) {
        List<List<String>> units = new ArrayList<>();
        List<long[]> unitKeys = new ArrayList<>();
        int firstCarried = -1;
        for (int i = 0; i < pool.size(); i++) {
            if (i == firstCarriedLine) {
                firstCarried = units.size();
            }
            List<String> line = pool.get(i);
            long[] keys = profile.keys(line);
            if (!bySentence) {
                units.add(line);
                unitKeys.add(keys);
                continue;
            }
            for (int[] span : spans(line)) {
                units.add(line.subList(span[0], span[1]));
                unitKeys.add(keys(keys, line.size(), span, profile.maxOrder()));
            }
        }
        if (firstCarried < 0) {
            firstCarried = units.size();
        }
        return new Units(units, unitKeys.toArray(new long[0][]), firstCarried);
    }

    /** Sentence spans [start, end) of a line: each ends at . ? or !, the last at the line's end. */
    static List<int[]> spans(List<String> line) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.size(); i++) {
            if (i == line.size() - 1 || isSentenceEnd(line.get(i))) {
                spans.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return spans;
    }

    /** A sentence's n-gram keys in its line's context; the line's last sentence owns the end-of-line event. */
    static long[] keys(long[] lineKeys, int lineLength, int[] span, int orders) {
        int endPosition = span[1] == lineLength ? span[1] + 1 : span[1];
        return Arrays.copyOfRange(lineKeys, span[0] * orders, endPosition * orders);
    }

    /**
     * The line without the sentences whose bigrams and higher n-grams (up to the profile order, in the
     * line's own context) are attested in the reference less than {@code minAttestedShare} of the time; the
     * kept sentences stay whole and in their generated order. The cut sentences are counted under
     * {@link TailPreservingCuration#UNATTESTED_SENTENCES}.
     */
    static List<String> attested(List<String> line, ReferenceProfile profile, double minAttestedShare,
                                 Map<String, Integer> rejections) {
        if (line.isEmpty() || profile.maxOrder() < 2) {
            return line;
        }
        long[] keys = profile.keys(line);
        int orders = profile.maxOrder();
        List<String> kept = new ArrayList<>(line.size());
        int start = 0;
        int cut = 0;
        for (int i = 0; i < line.size(); i++) {
            boolean last = i == line.size() - 1;
            if (!last && !isSentenceEnd(line.get(i))) {
                continue;
            }
            int endPosition = last ? line.size() : i; // the last sentence owns the end-of-line event too
            int attested = 0;
            int total = 0;
            for (int p = start; p <= endPosition; p++) {
                for (int n = 2; n <= orders; n++) {
                    total++;
                    if (profile.count(keys[p * orders + n - 1]) > 0) {
                        attested++;
                    }
                }
            }
            if (attested >= minAttestedShare * total) {
                kept.addAll(line.subList(start, i + 1));
            } else {
                cut++;
            }
            start = i + 1;
        }
        if (cut > 0) {
            rejections.merge(TailPreservingCuration.UNATTESTED_SENTENCES, cut, Integer::sum);
        }
        return cut == 0 ? line : kept;
    }

    /**
     * Packs the chosen sentences, in generation order, into lines whose lengths follow the reference's line
     * lengths (drawn in a seeded random order): a line is closed when the next sentence would take it further
     * from its target length than it already is.
     */
    static List<List<String>> pack(List<List<String>> units, int[] chosen, long seed, List<List<String>> reference) {
        int[] targets = reference.stream().mapToInt(List::size).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = targets.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = targets[i];
            targets[i] = targets[j];
            targets[j] = t;
        }
        List<List<String>> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int next = 0;
        for (int u : chosen) {
            List<String> sentence = units.get(u);
            int target = targets[next % targets.length];
            if (!current.isEmpty()
                    && Math.abs(current.size() + sentence.size() - target) > Math.abs(current.size() - target)) {
                lines.add(List.copyOf(current));
                current.clear();
                next++;
            }
            current.addAll(sentence);
        }
        if (!current.isEmpty()) {
            lines.add(List.copyOf(current));
        }
        return lines;
    }

    private static boolean isSentenceEnd(String token) {
        return token.equals(".") || token.equals("?") || token.equals("!");
    }
}
