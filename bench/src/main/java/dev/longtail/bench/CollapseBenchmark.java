package dev.longtail.bench;

import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.metrics.DiversityMetrics;
import dev.longtail.core.metrics.TailCoverage;
import dev.longtail.core.metrics.UnigramDivergence;
import dev.longtail.core.selection.ReferenceCopies;
import dev.longtail.core.selection.TailPreservingCuration;
import dev.longtail.core.text.NGrams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The collapse benchmark: on a real corpus split by article, generation 0 is the embedded Kneser-Ney model
 * trained on real-train; each regime then builds generation g's training set from model g−1's samples (and,
 * by its rule, real data), trains model g from scratch with the vocabulary fixed from real-train, and is
 * measured on the held-out part. Every regime starts from the same model 0 and has its own random stream
 * per seed, so runs are reproducible and regimes do not perturb each other.
 */
public final class CollapseBenchmark {

    /** Rare bigrams of real-train: count at most 2. */
    static final int TAIL_ORDER = 2;
    static final int TAIL_MAX_COUNT = 2;
    /** Synthetic lines that copy a real line (word 5-gram Jaccard at least 0.8) count as real. */
    static final int COPY_SHINGLE = 5;
    static final double COPY_THRESHOLD = 0.8;

    /** Facts about the corpus and its split. */
    public record CorpusInfo(String source, int trainArticles, int heldOutArticles, int trainLines,
                             long trainTokens, long heldOutTokens, int vocabulary, double meanLineLength) {
    }

    /** One regime's generations 0..G for one seed. */
    public record RegimeRun(String regime, long seed, List<GenerationRow> rows) {
    }

    /** Everything a run measured. */
    public record Result(CollapseRunOptions settings, CorpusInfo corpus, List<RegimeRun> runs, double seconds) {

        /** The runs of one regime, one per seed. */
        public List<RegimeRun> runsOf(String regime) {
            return runs.stream().filter(r -> r.regime().equals(regime)).toList();
        }
    }

    private CollapseBenchmark() {
    }

    /** Runs every regime for every seed; progress goes to {@code log}. */
    public static Result run(CollapseRunOptions settings, Consumer<String> log) {
        long start = System.nanoTime();
        Corpus corpus = Corpus.read(settings.corpus());
        if (settings.maxArticles() > 0) {
            corpus = corpus.firstArticles(settings.maxArticles());
        }
        Corpus.Split split = corpus.split();
        List<List<String>> train = split.train();
        List<List<String>> heldOut = split.heldOut();
        Set<String> vocabulary = new HashSet<>();
        train.forEach(vocabulary::addAll);
        long budget = split.trainTokens();
        CorpusInfo info = new CorpusInfo(corpus.source(), split.trainArticles(), split.heldOutArticles(),
                train.size(), budget, split.heldOutTokens(), vocabulary.size(), DiversityMetrics.meanWords(train));
        log.accept(String.format(Locale.ROOT,
                "corpus %s: real-train %d articles, %d lines, %d tokens (budget B), held-out %d articles, %d tokens, vocabulary %d",
                info.source(), info.trainArticles(), info.trainLines(), budget, info.heldOutArticles(),
                info.heldOutTokens(), info.vocabulary()));

        Evaluation evaluation = new Evaluation(train, heldOut, vocabulary, settings.order());
        KneserNeyModel model0 = KneserNeyModel.train(train, settings.order(), vocabulary);
        GenerationRow row0 = evaluation.row(0, model0, new TrainingSet(train, List.of(), 0), null, Map.of(), "", 0);
        log.accept(String.format(Locale.ROOT, "generation 0: held-out perplexity %.1f", row0.perplexity()));

        int maxLine = train.stream().mapToInt(List::size).max().orElse(100);
        Sampler sampler = new Sampler(Math.max(50, 2 * maxLine));

        List<Runnable> jobs = new ArrayList<>();
        List<RegimeRun> runs = new ArrayList<>();
        for (int s = 0; s < settings.seeds(); s++) {
            long seed = settings.firstSeed() + s;
            for (String name : settings.regimes()) {
                int slot = runs.size();
                runs.add(null);
                jobs.add(() -> {
                    Regime regime = regime(name, settings, budget, train, sampler);
                    RegimeRun run = runRegime(regime, seed, settings, evaluation, model0, row0, log);
                    synchronized (runs) {
                        runs.set(slot, run);
                    }
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a regime failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(settings, info, List.copyOf(runs), (System.nanoTime() - start) / 1e9);
    }

    static Regime regime(String name, CollapseRunOptions settings, long budget, List<List<String>> train, Sampler sampler) {
        return switch (name) {
            case "replace" -> BaselineRegimes.replace(budget, sampler);
            case "anchor10" -> BaselineRegimes.anchor(budget, settings.realShare(), train, sampler);
            case "accumulate" -> BaselineRegimes.accumulate(budget, train, sampler);
            case "longtail" -> new LongtailRegime(budget, settings.realShare(), settings.candidateFactor(), train,
                    sampler, settings.selection());
            default -> throw new IllegalArgumentException("unknown regime " + name + "; known: " + CollapseRunOptions.ALL_REGIMES);
        };
    }

    private static RegimeRun runRegime(Regime regime, long seed, CollapseRunOptions settings, Evaluation evaluation,
                                       KneserNeyModel model0, GenerationRow row0, Consumer<String> log) {
        // one stream per (seed, regime): the same seed gives the same run whatever else runs beside it. The
        // multiplier must not be SplittableRandom's own gamma, or consecutive seeds give the same stream shifted.
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + 31L * regime.name().hashCode());
        List<GenerationRow> rows = new ArrayList<>();
        rows.add(row0);
        Map<List<String>, Boolean> copyMemo = new IdentityHashMap<>();
        KneserNeyModel previous = model0;
        TrainingSet previousSet = null;
        for (int g = 1; g <= settings.generations(); g++) {
            long t0 = System.nanoTime();
            TrainingSet set = regime.next(g, previous, random);
            KneserNeyModel model = KneserNeyModel.train(set.lines(), settings.order(), evaluation.vocabulary);
            String verdict = regime instanceof LongtailRegime l ? l.lastVerdict() : "";
            GenerationRow row = evaluation.row(g, model, set, previousSet, copyMemo, verdict, (System.nanoTime() - t0) / 1e9);
            previousSet = set;
            rows.add(row);
            log.accept(String.format(Locale.ROOT,
                    "seed %d %-10s g%-2d ppl %8.1f  tail %.3f  distinct-2 %.3f  JS %.4f  words/line %5.1f  tokens %8d  candidates %8d  real %.3f  %s %.1fs",
                    seed, regime.name(), g, row.perplexity(), row.tailCoverage(), row.distinct2(), row.jsDivergence(),
                    row.meanLineLength(), row.tokens(), row.candidateTokens(), row.realShare(), verdict, row.seconds()));
            previous = model;
        }
        return new RegimeRun(regime.name(), seed, List.copyOf(rows));
    }

    /** Measures a generation against real-train and held-out; reads held-out only to score the model. */
    static final class Evaluation {
        final List<List<String>> train;
        final List<List<String>> heldOut;
        final Set<String> vocabulary;
        final TailCoverage tail;
        final ReferenceCopies copies;
        final Set<String> realBigrams = new HashSet<>();

        Evaluation(List<List<String>> train, List<List<String>> heldOut, Set<String> vocabulary, int order) {
            this.train = train;
            this.heldOut = heldOut;
            this.vocabulary = vocabulary;
            this.tail = TailCoverage.ofReference(train, TAIL_ORDER, TAIL_MAX_COUNT);
            this.copies = new ReferenceCopies(train, COPY_SHINGLE, COPY_THRESHOLD);
            for (List<String> line : train) {
                realBigrams.addAll(NGrams.of(line, 2));
            }
        }

        /** Distinct bigrams that real-train also has, per bigram of the lines (distinct-2 without the noise). */
        double attestedDistinct2(List<List<String>> lines) {
            Set<String> distinct = new HashSet<>();
            long total = 0;
            for (List<String> line : lines) {
                List<String> grams = NGrams.of(line, 2);
                total += grams.size();
                for (String gram : grams) {
                    if (realBigrams.contains(gram)) {
                        distinct.add(gram);
                    }
                }
            }
            return total == 0 ? 0 : (double) distinct.size() / total;
        }

        /** Synthetic tokens in sentences the previous set's synthetic part already held, per synthetic token. */
        static double carriedShare(TrainingSet set, TrainingSet previous) {
            if (previous == null || previous.synthetic().isEmpty()) {
                return 0;
            }
            Set<List<String>> before = new HashSet<>();
            for (List<String> line : previous.synthetic()) {
                for (int[] span : TailPreservingCuration.sentences(line)) {
                    before.add(line.subList(span[0], span[1]));
                }
            }
            long carried = 0;
            long total = 0;
            for (List<String> line : set.synthetic()) {
                for (int[] span : TailPreservingCuration.sentences(line)) {
                    int length = span[1] - span[0];
                    total += length;
                    if (before.contains(line.subList(span[0], span[1]))) {
                        carried += length;
                    }
                }
            }
            return total == 0 ? 0 : (double) carried / total;
        }

        GenerationRow row(int generation, KneserNeyModel model, TrainingSet set, TrainingSet previous,
                          Map<List<String>, Boolean> copyMemo, String verdict, double seconds) {
            List<List<String>> lines = set.lines();
            long tokens = set.tokens();
            long real = Corpus.tokens(set.real());
            for (List<String> line : set.synthetic()) {
                Boolean copy = copyMemo.get(line);
                if (copy == null) {
                    copy = copies.copiesReference(line);
                    copyMemo.put(line, copy);
                }
                if (copy) {
                    real += line.size();
                }
            }
            return new GenerationRow(generation, model.perplexity(heldOut), DiversityMetrics.distinctN(lines, 2),
                    tail.coverageOf(lines), UnigramDivergence.jensenShannon(lines, train),
                    DiversityMetrics.meanWords(lines), tokens, lines.size(), set.candidateTokens(),
                    tokens == 0 ? 0 : (double) real / tokens, verdict, seconds, attestedDistinct2(lines),
                    carriedShare(set, previous));
        }
    }
}
