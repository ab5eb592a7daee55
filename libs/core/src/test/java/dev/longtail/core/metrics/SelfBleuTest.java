package dev.longtail.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfBleuTest {

    private static final List<List<String>> CORPUS = NltkReference.texts("corpus.txt");

    @Test
    void shouldMatchNltkSentenceBleuForEveryTextOfTheFixture() {
        for (int n : new int[] {4, 3}) {
            for (int i = 0; i < CORPUS.size(); i++) {
                List<List<String>> others = new ArrayList<>(CORPUS);
                List<String> hypothesis = others.remove(i);
                assertEquals(NltkReference.value("bleu" + n + "." + i), SelfBleu.sentenceBleu(others, hypothesis, n), 1e-12,
                        "BLEU-" + n + " of line " + i);
            }
        }
    }

    @Test
    void shouldMatchNltkSelfBleuWhenTheSampleHoldsTheWholeCorpus() {
        SelfBleu.Result four = SelfBleu.of(CORPUS, 4, 100, 1);
        assertEquals(NltkReference.value("selfbleu4"), four.value(), 1e-12);
        assertEquals(CORPUS.size(), four.sampleSize());
        assertEquals(NltkReference.value("selfbleu3"), SelfBleu.of(CORPUS, 3, 100, 1).value(), 1e-12);
    }

    @Test
    void shouldReportTheSampleSizeAndRepeatTheSameSampleForTheSameSeed() {
        SelfBleu.Result a = SelfBleu.of(CORPUS, 4, 5, 7);
        SelfBleu.Result b = SelfBleu.of(CORPUS, 4, 5, 7);
        assertEquals(5, a.sampleSize());
        assertEquals(a.value(), b.value(), 0.0);
    }

    @Test
    void shouldScoreRepetitiveCorpusHigherThanVariedOne() {
        List<List<String>> repetitive = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            repetitive.add(List.of("the", "cat", "sat", "on", "the", "mat", "."));
        }
        assertEquals(1.0, SelfBleu.of(repetitive, 4, 10, 1).value(), 1e-12);
        assertTrue(SelfBleu.of(CORPUS, 4, 100, 1).value() < 0.5);
    }
}
