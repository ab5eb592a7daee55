package dev.longtail.core.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KneserNeyModelTest {

    private static final List<List<String>> TINY = List.of(List.of("a", "b"), List.of("a", "c"));

    private static final List<List<String>> CORPUS = corpus();

    private static List<List<String>> corpus() {
        String text = """
                The cat sat on the mat. The dog sat on the log. A cat and a dog played in the garden.
                The bird sang a song in the morning. The children read a book about the sea.
                A storm came over the hills and the rain fell on the old town. The old man walked to the market.
                The market sold fish, bread and apples. Apples fell from the tree in the garden.
                The sea was calm in the morning and rough at night. The cat watched the bird from the window.
                """;
        List<List<String>> sentences = new ArrayList<>();
        for (String line : text.split("\\.")) {
            List<String> tokens = Tokenizer.tokenize(line);
            if (!tokens.isEmpty()) {
                sentences.add(tokens);
            }
        }
        return sentences;
    }

    @Test
    void shouldComputeTheHandWorkedPerplexityOfATinyBigramModel() {
        // Corpus "a b", "a c", order 2: padded <s> a b </s> and <s> a c </s>.
        // Bigram counts: (<s> a)=2, (a b)=1, (a c)=1, (b </s>)=1, (c </s>)=1 -> n1=4, n2=1, n3=n4=0.
        //   Y = 4/(4+2) = 2/3; D1 = 1 - 2*(2/3)*(1/4) = 2/3; D2 = 2 - 0 = 2 is not < 2 -> fallback 1.0;
        //   D3+ = 0/0 -> fallback 1.5.
        // Unigram continuation counts: a=1 (<s>), b=1 (a), c=1 (a), </s>=2 (b, c); total 5 -> n1=3, n2=1.
        //   Y = 3/5; D1 = 1 - 2*0.6/3 = 0.6; D2 -> fallback 1.0.
        //   gamma() = (0.6*3 + 1.0*1)/5 = 0.56; W = {a, b, c, </s>, <unk>}, uniform 1/5.
        //   p1(a) = p1(b) = p1(c) = 0.4/5 + 0.56/5 = 0.192; p1(</s>) = 1/5 + 0.112 = 0.312; p1(<unk>) = 0.112.
        // p(a|<s>)   = (2-1)/2 + (1.0*1/2)*0.192           = 0.596
        // p(b|a)     = (1-2/3)/2 + (2*(2/3)/2)*0.192        = 0.294667
        // p(</s>|b)  = (1-2/3)/1 + ((2/3)/1)*0.312          = 0.541333
        // PPL("a b") = (0.596 * 0.294667 * 0.541333)^(-1/3) = 2.191052
        // p(b|<s>)   = 0 + 0.5*0.192 = 0.096; PPL("b") = (0.096 * 0.541333)^(-1/2) = 4.386640
        KneserNeyModel model = KneserNeyModel.train(TINY, 2);

        assertEquals(0.192, model.probability(List.of("zzz"), "b"), 1e-12); // unseen context: unigram
        assertEquals(0.312, model.probability(List.of("zzz"), "</s>"), 1e-12);
        assertEquals(0.112, model.probability(List.of("zzz"), "unknown"), 1e-12);
        assertEquals(0.596, model.probability(List.of(), "a"), 1e-12);
        assertEquals(0.294666666666667, model.probability(List.of("a"), "b"), 1e-12);
        assertEquals(0.541333333333333, model.probability(List.of("b"), "</s>"), 1e-12);
        assertEquals(2.1910518411471274, model.perplexity(List.of(List.of("a", "b"))), 1e-9);
        assertEquals(4.386640039647477, model.perplexity(List.of(List.of("b"))), 1e-9);
    }

    @Test
    void shouldEstimateDiscountsFromCountOfCountsAndFallBackWhenTheyCannotBeEstimated() {
        // n1=100, n2=40, n3=20, n4=10: Y = 100/180; D1 = 1 - 2Y*0.4 = 0.5556; D2 = 2 - 3Y*0.5 = 1.1667;
        // D3+ = 3 - 4Y*0.5 = 1.8889
        double[] d = KneserNeyModel.discounts(100, 40, 20, 10);
        assertEquals(1 - 2 * (100.0 / 180) * 0.4, d[0], 1e-12);
        assertEquals(2 - 3 * (100.0 / 180) * 0.5, d[1], 1e-12);
        assertEquals(3 - 4 * (100.0 / 180) * 0.5, d[2], 1e-12);
        assertEquals(List.of(0.5, 1.0, 1.5), List.of(KneserNeyModel.discounts(0, 0, 0, 0)[0],
                KneserNeyModel.discounts(0, 0, 0, 0)[1], KneserNeyModel.discounts(0, 0, 0, 0)[2]));
    }

    @Test
    void shouldSumToOneOverTheVocabularyForSeenAndUnseenContexts() {
        for (int order : new int[] {2, 3, 4}) {
            KneserNeyModel model = KneserNeyModel.train(CORPUS, order);
            Set<String> vocabulary = vocabulary(CORPUS);
            vocabulary.add("</s>");
            vocabulary.add("<unk>");
            List<List<String>> contexts = List.of(List.of(), List.of("the"), List.of("on", "the"),
                    List.of("sat", "on", "the"), List.of("purple", "elephant"), List.of("the", "purple"),
                    List.of("a", "cat", "and"), List.of("<s>"));
            for (List<String> context : contexts) {
                double sum = 0;
                for (String w : vocabulary) {
                    double p = model.probability(context, w);
                    assertTrue(p > 0, "p(" + w + "|" + context + ") must be positive");
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-9, "order " + order + ", context " + context);
            }
        }
    }

    @Test
    void shouldSumToOneWithAFixedVocabularyThatHasWordsNeverSeenInTraining() {
        Set<String> vocabulary = vocabulary(CORPUS);
        vocabulary.addAll(List.of("zebra", "quantum", "violin"));
        vocabulary.remove("garden");
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3, vocabulary);
        Set<String> all = new HashSet<>(vocabulary);
        all.add("</s>");
        all.add("<unk>");
        for (List<String> context : List.of(List.of("in", "the"), List.of("zebra", "violin"), List.<String>of())) {
            double sum = all.stream().mapToDouble(w -> model.probability(context, w)).sum();
            assertEquals(1.0, sum, 1e-9);
        }
        assertTrue(model.probability(List.of("in", "the"), "zebra") > 0);
        assertEquals(model.probability(List.of("in", "the"), "<unk>"), model.probability(List.of("in", "the"), "garden"));
        assertEquals(vocabulary.size(), model.vocabularySize());
    }

    @Test
    void shouldPreferSeenContinuationsAndReportItsSize() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        assertTrue(model.probability(List.of("sat", "on"), "the") > model.probability(List.of("sat", "on"), "fish"));
        assertEquals(3, model.order());
        assertEquals(vocabulary(CORPUS).size(), model.vocabularySize());
        assertEquals(CORPUS.stream().mapToLong(List::size).sum(), model.tokenCount());
        assertEquals(Math.log(model.probability(List.of("the"), "cat")), model.logProbability(List.of("the"), "cat"), 1e-15);
    }

    @Test
    void shouldGiveTrainingTextLowerPerplexityThanScrambledText() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        List<List<String>> scrambled = new ArrayList<>();
        for (List<String> s : CORPUS) {
            List<String> reversed = new ArrayList<>(s);
            java.util.Collections.reverse(reversed);
            scrambled.add(reversed);
        }
        assertTrue(model.perplexity(CORPUS) < model.perplexity(scrambled));
        assertTrue(Double.isNaN(model.perplexity(List.of())));
    }

    @Test
    void shouldSampleDeterministicallyForAGivenSeed() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        Sampling sampling = new Sampling(1.0, 0.95, 40);
        List<List<String>> first = new ArrayList<>();
        List<List<String>> second = new ArrayList<>();
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 20; i++) {
            first.add(model.sample(List.of(), sampling, a));
        }
        for (int i = 0; i < 20; i++) {
            second.add(KneserNeyModel.train(CORPUS, 3).sample(List.of(), sampling, b));
        }
        assertEquals(first, second);
        assertNotEquals(first.get(0), model.sample(List.of(), sampling, new SplittableRandom(7)).isEmpty() ? null : first.get(1));
    }

    @Test
    void shouldNeverEmitMarkersAndStopAtMaxTokens() {
        Set<String> vocabulary = vocabulary(CORPUS);
        vocabulary.remove("the"); // "the" becomes <unk>, which then carries a lot of mass
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3, vocabulary);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            List<String> out = model.sample(List.of("on"), new Sampling(1.5, 1.0, 12), rng);
            assertTrue(out.size() <= 12);
            assertFalse(out.contains("<s>") || out.contains("<unk>") || out.contains("</s>"), out.toString());
            assertTrue(vocabulary.containsAll(out));
        }
    }

    @Test
    void shouldPickTheMostProbableWordWhenTopPIsTiny() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        Sampling greedy = new Sampling(1.0, 1e-9, 10);
        Set<String> candidates = vocabulary(CORPUS);
        candidates.add("</s>");
        List<String> first = model.sample(List.of("sat", "on"), greedy, new SplittableRandom(0));
        assertFalse(first.isEmpty());
        List<String> history = new ArrayList<>(List.of("sat", "on"));
        for (String chosen : first) {
            double max = 0;
            for (String w : candidates) {
                max = Math.max(max, model.probability(history, w));
            }
            assertEquals(max, model.probability(history, chosen), 1e-12, "after " + history);
            history.add(chosen);
        }
        for (long seed = 1; seed < 5; seed++) {
            assertEquals(first, model.sample(List.of("sat", "on"), greedy, new SplittableRandom(seed)));
        }
    }

    @Test
    void shouldSampleWordsInProportionToTheirProbabilityAtTemperatureOne() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        List<String> context = List.of("in", "the");
        Map<String, Integer> seen = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(3);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            List<String> out = model.sample(context, new Sampling(1.0, 1.0, 1), rng);
            seen.merge(out.isEmpty() ? "</s>" : out.get(0), 1, Integer::sum);
        }
        double unk = model.probability(context, "<unk>");
        for (String w : List.of("garden", "morning", "the", "cat", "</s>", "apples")) {
            double expected = model.probability(context, w) / (1 - unk);
            double observed = seen.getOrDefault(w, 0) / (double) draws;
            assertEquals(expected, observed, 4 * Math.sqrt(expected * (1 - expected) / draws) + 1e-4, w);
        }
    }

    @Test
    void shouldFlattenTheDistributionAsTemperatureRises() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        List<String> context = List.of("in", "the");
        double cold = share(model, context, 0.5, "garden");
        double warm = share(model, context, 1.0, "garden");
        double hot = share(model, context, 2.0, "garden");
        assertTrue(cold > warm && warm > hot, cold + " > " + warm + " > " + hot);
        assertTrue(distinctFirstWords(model, context, 2.0) > distinctFirstWords(model, context, 0.5));
    }

    @Test
    void shouldKeepOnlyTheNucleusWhenTopPIsBelowOne() {
        KneserNeyModel model = KneserNeyModel.train(CORPUS, 3);
        List<String> context = List.of("in", "the");
        assertTrue(distinctFirstWords(model, context, 1.0, 0.5) < distinctFirstWords(model, context, 1.0, 1.0));
    }

    @Test
    void shouldRejectInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.train(TINY, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 1.01, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 1, 0));
    }

    private static double share(KneserNeyModel model, List<String> context, double temperature, String word) {
        SplittableRandom rng = new SplittableRandom(9);
        int hits = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            List<String> out = model.sample(context, new Sampling(temperature, 1.0, 1), rng);
            if (!out.isEmpty() && out.get(0).equals(word)) {
                hits++;
            }
        }
        return hits / (double) draws;
    }

    private static int distinctFirstWords(KneserNeyModel model, List<String> context, double temperature) {
        return distinctFirstWords(model, context, temperature, 1.0);
    }

    private static int distinctFirstWords(KneserNeyModel model, List<String> context, double temperature, double topP) {
        SplittableRandom rng = new SplittableRandom(9);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            List<String> out = model.sample(context, new Sampling(temperature, topP, 1), rng);
            seen.add(out.isEmpty() ? "</s>" : out.get(0));
        }
        return seen.size();
    }

    private static Set<String> vocabulary(List<List<String>> corpus) {
        Set<String> vocabulary = new HashSet<>();
        corpus.forEach(vocabulary::addAll);
        return vocabulary;
    }
}
