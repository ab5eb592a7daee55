package dev.longtail.core.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.core.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetrievalInterpolatedModelTest {

    private static final String MARK = "<response>";

    /** Instruction, response: three about cooking, three about the sky. */
    private static final String[][] PAIRS = {
            {"Explain how to bake sourdough bread.", "Mix flour, water and starter, let the dough rise overnight and bake it hot."},
            {"Describe how to bake a chocolate cake.", "Whisk eggs, sugar and cocoa, fold in the flour and bake the batter for forty minutes."},
            {"Give a tip for cooking rice.", "Rinse the rice, simmer it covered and let it rest before serving."},
            {"Explain why the moon has phases.", "We see different parts of the sunlit half of the moon as it orbits the earth."},
            {"Describe what a light year is.", "A light year is the distance light travels in one year through space."},
            {"Explain why stars twinkle at night.", "The air bends the light of distant stars, so they seem to flicker at night."},
    };

    private static List<RetrievalRecord> records() {
        List<RetrievalRecord> records = new ArrayList<>();
        for (String[] pair : PAIRS) {
            records.add(new RetrievalRecord(pair[0], prompt(pair[0]), Tokenizer.tokenize(pair[1])));
        }
        return records;
    }

    private static List<String> prompt(String instruction) {
        List<String> tokens = new ArrayList<>(Tokenizer.tokenize(instruction));
        tokens.add(MARK);
        return tokens;
    }

    private static KneserNeyModel base() {
        List<List<String>> sequences = new ArrayList<>();
        for (RetrievalRecord r : records()) {
            List<String> seq = new ArrayList<>(r.prompt());
            seq.addAll(r.response());
            sequences.add(seq);
        }
        return KneserNeyModel.train(sequences, 3);
    }

    private static Set<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        records().forEach(r -> {
            words.addAll(r.prompt());
            words.addAll(r.response());
        });
        words.add(KneserNeyModel.EOS);
        words.add(KneserNeyModel.UNK);
        return words;
    }

    @Test
    void shouldMatchTheHandWorkedWittenBellProbabilitiesOfTheRetrievedResponses() {
        // responses "a b" and "a c" after the prompt "q": predicted a, b, </s>, a, c, </s> (N = 6)
        // p1: a = 2/6, b = c = 1/6, </s> = 2/6; context (a): c = 2, N1+ = 2; context (q a): c = 2, N1+ = 2
        // p(b | q a) = (1 + 2 p2(b)) / 4 with p2(b) = (1 + 2/6) / 4 = 1/3  ->  5/12
        // p(a | q a) = (0 + 2 p2(a)) / 4 with p2(a) = (0 + 2/3) / 4 = 1/6  ->  1/12
        // unseen (x q) backs off to (q): c = 2, N1+ = 1: p(a | x q) = (2 + 1/3) / 3 = 7/9
        var model = new RetrievalInterpolatedModel(KneserNeyModel.train(List.of(List.of("q", "a", "b")), 3), List.of(
                new RetrievalRecord("bake bread", List.of("q"), List.of("a", "b")),
                new RetrievalRecord("bake cake", List.of("q"), List.of("a", "c"))), 2, 0.5);
        NeighbourModel retrieval = neighbourModel(model, "bake");
        int q = model.idOf("q");
        int a = model.idOf("a");

        assertEquals(5.0 / 12, retrieval.probability(new int[] {q, a}, model.idOf("b")), 1e-12);
        assertEquals(1.0 / 12, retrieval.probability(new int[] {q, a}, a), 1e-12);
        assertEquals(1.0 / 12, retrieval.probability(new int[] {q, a}, NeighbourModel.EOS), 1e-12);
        assertEquals(7.0 / 9, retrieval.probability(new int[] {NeighbourModel.UNSEEN, q}, a), 1e-12);
        assertEquals(0.0, retrieval.probability(new int[] {q, a}, q), 1e-12); // a prompt word is never predicted
    }

    @Test
    void shouldSumToOneOverTheVocabularyForEveryContext() {
        var model = new RetrievalInterpolatedModel(base(), records(), 2, 0.6).conditionedOn("How do I bake bread?");
        for (List<String> context : List.of(prompt("How do I bake bread?"), List.of("the", "rice"),
                List.of("bake", "it"), List.of("zzz", "qqq"), List.<String>of())) {
            double sum = 0;
            for (String w : vocabulary()) {
                sum += model.probability(context, w);
            }
            assertEquals(1.0, sum, 1e-9, "context " + context);
        }
    }

    @Test
    void shouldBeExactlyThePlainModelWithWeightZeroOrNoNeighbours() {
        KneserNeyModel base = base();
        var sampling = new Sampling(0.8, 0.9, 40);
        for (var model : List.of(new RetrievalInterpolatedModel(base, records(), 4, 0.0).conditionedOn("bake bread"),
                new RetrievalInterpolatedModel(base, records(), 0, 0.7).conditionedOn("bake bread"),
                new RetrievalInterpolatedModel(base, records(), 4, 0.7).conditionedOn("Translate into French."))) {
            for (String w : vocabulary()) {
                assertEquals(base.probability(List.of("the", "rice"), w), model.probability(List.of("the", "rice"), w));
            }
            for (long seed = 0; seed < 20; seed++) {
                assertEquals(base.sample(prompt("bake bread"), sampling, new SplittableRandom(seed)),
                        model.sample(prompt("bake bread"), sampling, new SplittableRandom(seed)));
            }
        }
    }

    @Test
    void shouldRetrieveTheRecordsNearestToTheInstruction() {
        var model = new RetrievalInterpolatedModel(base(), records(), 2, 0.5);

        assertEquals(List.of(0, 1), records(model.conditionedOn("Bake bread or a cake?")));
        assertEquals(List.of(5, 3), records(model.conditionedOn("Why do the stars and the moon change at night?")));
    }

    @Test
    void shouldDrawExactlyFromTheMixtureAtTemperatureOneAndTopPOne() {
        var model = new RetrievalInterpolatedModel(base(), records(), 3, 0.5).conditionedOn("How do I bake bread?");
        List<String> context = prompt("How do I bake bread?");
        Map<String, Double> expected = new HashMap<>();
        double unknown = model.probability(context, KneserNeyModel.UNK);
        for (String w : vocabulary()) {
            if (!w.equals(KneserNeyModel.UNK)) {
                expected.put(w, model.probability(context, w) / (1 - unknown));
            }
        }
        Map<String, Double> observed = firstTokens(model, context, new Sampling(1.0, 1.0, 1), 200_000);

        assertTrue(totalVariation(expected, observed) < 0.01, "TV " + totalVariation(expected, observed));
    }

    @Test
    void shouldDrawTheRetrievedModelsTemperedNucleusExactly() {
        var model = new RetrievalInterpolatedModel(base(), records(), 3, 0.5);
        NeighbourModel retrieval = neighbourModel(model, "How do I bake bread?");
        int[] the = {model.idOf("and"), model.idOf("the")};
        int[] start = {model.idOf("bread"), model.idOf(MARK)};
        for (int[] history : List.of(the, start)) {
            for (double temperature : new double[] {1.0, 0.6}) {
                List<Map.Entry<Integer, Double>> ranked = temperedRanking(retrieval, model, history, temperature);
                for (int wanted : new int[] {1, ranked.size() / 2, ranked.size() - 1}) {
                    int cutAfter = pastTies(ranked, wanted);
                    double topP = nucleusBetween(ranked, cutAfter);
                    Map<Integer, Double> expected = new HashMap<>();
                    double kept = 0;
                    for (int i = 0; i <= cutAfter; i++) {
                        kept += ranked.get(i).getValue();
                    }
                    for (int i = 0; i <= cutAfter; i++) {
                        expected.put(ranked.get(i).getKey(), ranked.get(i).getValue() / kept);
                    }
                    var nucleus = new NeighbourNucleus(retrieval, temperature);
                    var rng = new SplittableRandom(11);
                    Map<Integer, Double> observed = new HashMap<>();
                    int draws = 100_000;
                    for (int i = 0; i < draws; i++) {
                        observed.merge(nucleus.draw(history, topP, rng), 1.0 / draws, Double::sum);
                    }
                    assertTrue(expected.keySet().containsAll(observed.keySet()), "outside the nucleus: " + observed);
                    assertTrue(totalVariation(expected, observed) < 0.012,
                            "T " + temperature + " top-p " + topP + " TV " + totalVariation(expected, observed));
                }
            }
        }
    }

    @Test
    void shouldAnswerAnInstructionWithTheWordsOfItsNeighboursResponses() {
        KneserNeyModel base = base();
        Set<String> cooking = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            cooking.addAll(Tokenizer.tokenize(PAIRS[i][1]));
        }
        Set<String> sky = new LinkedHashSet<>();
        for (int i = 3; i < 6; i++) {
            sky.addAll(Tokenizer.tokenize(PAIRS[i][1]));
        }
        Set<String> onlyCooking = new LinkedHashSet<>(cooking);
        onlyCooking.removeAll(sky);
        String instruction = "How long should bread dough rise before I bake it?";
        double conditioned = share(new RetrievalInterpolatedModel(base, records(), 2, 0.7), instruction, onlyCooking);
        double plain = share(new RetrievalInterpolatedModel(base, records(), 2, 0.0), instruction, onlyCooking);

        assertTrue(conditioned > plain + 0.15, "conditioned " + conditioned + " vs plain " + plain);
    }

    @Test
    void shouldRejectAWeightOutsideZeroToOneAndNegativeNeighbours() {
        assertThrows(IllegalArgumentException.class, () -> new RetrievalInterpolatedModel(base(), records(), 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new RetrievalInterpolatedModel(base(), records(), 2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new RetrievalInterpolatedModel(base(), records(), -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RetrievalInterpolatedModel(base(),
                List.of(new RetrievalRecord("x", List.of(), List.of("a", KneserNeyModel.EOS))), 2, 0.5));
    }

    // ---------------------------------------------------------------------------------------------

    private static NeighbourModel neighbourModel(RetrievalInterpolatedModel model, String instruction) {
        return model.conditionedOn(instruction).retrieval();
    }

    private static List<Integer> records(ConditionedModel model) {
        return model.neighbours().stream().map(InstructionIndex.Neighbour::record).toList();
    }

    private static Map<String, Double> firstTokens(ConditionedModel model, List<String> context, Sampling sampling,
                                                   int draws) {
        var rng = new SplittableRandom(3);
        Map<String, Double> observed = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            List<String> out = model.sample(context, sampling, rng);
            observed.merge(out.isEmpty() ? KneserNeyModel.EOS : out.get(0), 1.0 / draws, Double::sum);
        }
        return observed;
    }

    /** Every word of the retrieval model's support with its tempered value, descending (ties by id). */
    private static List<Map.Entry<Integer, Double>> temperedRanking(NeighbourModel retrieval,
            RetrievalInterpolatedModel model, int[] history, double temperature) {
        List<Map.Entry<Integer, Double>> ranked = new ArrayList<>();
        for (int w : retrieval.types()) {
            ranked.add(Map.entry(w, Math.pow(retrieval.probability(history, w), 1 / temperature)));
        }
        ranked.sort((a, b) -> {
            int c = Double.compare(b.getValue(), a.getValue());
            return c != 0 ? c : Integer.compare(a.getKey(), b.getKey());
        });
        return ranked;
    }

    /** The first rank from {@code cut} on that is not tied with the next one: a nucleus ending there is unambiguous. */
    private static int pastTies(List<Map.Entry<Integer, Double>> ranked, int cut) {
        int c = cut;
        while (c + 1 < ranked.size() && ranked.get(c).getValue().equals(ranked.get(c + 1).getValue())) {
            c++;
        }
        return c;
    }

    /** A top-p whose nucleus is exactly the ranks [0, cutAfter]: half-way into the last kept word's mass. */
    private static double nucleusBetween(List<Map.Entry<Integer, Double>> ranked, int cutAfter) {
        double total = ranked.stream().mapToDouble(Map.Entry::getValue).sum();
        double upTo = 0;
        for (int i = 0; i <= cutAfter; i++) {
            upTo += ranked.get(i).getValue();
        }
        double last = ranked.get(cutAfter).getValue();
        double before = upTo - last;
        return cutAfter == ranked.size() - 1 ? 1.0 : (before + 0.5 * last) / total;
    }

    private static double share(RetrievalInterpolatedModel model, String instruction, Set<String> words) {
        var conditioned = model.conditionedOn(instruction);
        long inSet = 0;
        long all = 0;
        for (long seed = 0; seed < 300; seed++) {
            for (String token : conditioned.sample(prompt(instruction), new Sampling(1.0, 1.0, 30),
                    new SplittableRandom(seed))) {
                if (Tokenizer.isWord(token)) {
                    all++;
                    inSet += words.contains(token) ? 1 : 0;
                }
            }
        }
        return (double) inSet / all;
    }

    private static <K> double totalVariation(Map<K, Double> p, Map<K, Double> q) {
        Set<K> keys = new LinkedHashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double tv = 0;
        for (K k : keys) {
            tv += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
        }
        return tv / 2;
    }
}
