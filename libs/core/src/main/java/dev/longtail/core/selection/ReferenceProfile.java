package dev.longtail.core.selection;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The real reference a selection matches: its lines and sentences with their n-gram keys, the reference n-gram
 * counts T, the length strata of lines and sentences, the word-count bounds of its lines, and the copy indexes
 * that tell real lines and sentences from synthetic ones.
 *
 * <p>Every n-gram key of a selection comes from this profile's one {@link NGramKeys}, whose token ids are given
 * in first-seen order: the reference's lines first, then whatever the caller keys in its own order.
 */
final class ReferenceProfile {

    private final SelectionSettings settings;
    private final List<List<String>> lines;
    private final long tokens;
    private final NGramKeys ngrams;
    private final LongIntMap counts;
    private final long[][] lineKeys;
    private final LengthStrata lineStrata;
    private final LengthStrata sentenceStrata;
    private final List<List<String>> sentences = new ArrayList<>();
    private final long[][] sentenceKeys;
    private final ReferenceCopies copies;
    private ReferenceCopies sentenceCopies;
    private final int minWords;
    private final int maxWords;

    /** Profiles a real reference (token lines): n-gram keys and counts, strata, word bounds and the copy index. */
    ReferenceProfile(List<List<String>> reference, SelectionSettings settings) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference needs at least one line");
        }
        this.settings = settings;
        this.lines = List.copyOf(reference);
        this.ngrams = new NGramKeys(settings.maxOrder());
        long tokenCount = 0;
        int min = Integer.MAX_VALUE;
        int max = 1;
        lineKeys = new long[reference.size()][];
        counts = new LongIntMap(reference.size() * 64);
        for (int i = 0; i < reference.size(); i++) {
            List<String> line = reference.get(i);
            tokenCount += line.size();
            lineKeys[i] = ngrams.keys(line);
            for (long k : lineKeys[i]) {
                counts.add(k, 1);
            }
            int words = words(line);
            min = Math.min(min, words);
            max = Math.max(max, words);
        }
        this.tokens = tokenCount;
        this.minWords = Math.max(1, min);
        this.maxWords = Math.max(this.minWords, max);
        this.copies = new ReferenceCopies(reference, settings.shingleSize(), settings.copyThreshold());

        this.lineStrata = LengthStrata.of(reference.stream().map(List::size).toList(), settings.lengthStrata());
        List<Integer> sentenceLengths = new ArrayList<>();
        List<long[]> keysOfSentences = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            List<String> line = reference.get(i);
            for (int[] span : SentenceUnits.spans(line)) {
                sentenceLengths.add(span[1] - span[0]);
                sentences.add(line.subList(span[0], span[1]));
                keysOfSentences.add(SentenceUnits.keys(lineKeys[i], line.size(), span, ngrams.maxOrder()));
            }
        }
        this.sentenceKeys = keysOfSentences.toArray(new long[0][]);
        this.sentenceStrata = LengthStrata.of(sentenceLengths, settings.lengthStrata());
    }

    /** The reference's lines, in input order. */
    List<List<String>> lines() {
        return lines;
    }

    /** The n-gram keys of each reference line. */
    long[][] lineKeys() {
        return lineKeys;
    }

    /** The reference's sentences, in reference order. */
    List<List<String>> sentences() {
        return sentences;
    }

    /** The n-gram keys of each reference sentence, in its line's context. */
    long[][] sentenceKeys() {
        return sentenceKeys;
    }

    /** The real reference's number of tokens. */
    long tokens() {
        return tokens;
    }

    /** T(k): how often the reference holds the n-gram of key k. */
    int count(long key) {
        return counts.get(key);
    }

    /** Every n-gram key of a padded line (see {@link NGramKeys#keys}). */
    long[] keys(List<String> line) {
        return ngrams.keys(line);
    }

    /** The highest n-gram order of the keys: each position of a line has this many keys. */
    int maxOrder() {
        return ngrams.maxOrder();
    }

    /** Strata of the reference's line lengths. */
    LengthStrata lineStrata() {
        return lineStrata;
    }

    /** Strata of the reference's sentence lengths. */
    LengthStrata sentenceStrata() {
        return sentenceStrata;
    }

    /** The fewest words of a reference line (at least 1). */
    int minWords() {
        return minWords;
    }

    /** The most words of a reference line. */
    int maxWords() {
        return maxWords;
    }

    /** Copy index of the reference's lines. */
    ReferenceCopies copies() {
        return copies;
    }

    /** Copy index of the reference's sentences, built on first use. */
    ReferenceCopies sentenceCopies() {
        if (sentenceCopies == null) {
            sentenceCopies = new ReferenceCopies(sentences, settings.shingleSize(), settings.copyThreshold());
        }
        return sentenceCopies;
    }

    private static int words(List<String> line) {
        int words = 0;
        for (String token : line) {
            if (Tokenizer.isWord(token)) {
                words++;
            }
        }
        return words;
    }
}
