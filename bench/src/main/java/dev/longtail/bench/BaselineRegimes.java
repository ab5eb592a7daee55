package dev.longtail.bench;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.TokenBudget;
import dev.longtail.core.lm.KneserNeyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The published regimes the benchmark compares Longtail against. */
public final class BaselineRegimes {

    private BaselineRegimes() {
    }

    /** Shumailov et al. (Nature 2024), no data kept: B tokens of samples from the previous model. */
    public static Regime replace(long budget, Sampler sampler) {
        return new Regime() {
            @Override
            public String name() {
                return "replace";
            }

            @Override
            public TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random) {
                List<List<String>> samples = sampler.lines(previous, budget, random);
                return new TrainingSet(List.of(), samples, Corpus.tokens(samples));
            }
        };
    }

    /**
     * Shumailov et al.'s arm that keeps 10% of the original data: real-train lines drawn at random anew each
     * generation up to 10% of B tokens, samples for the rest.
     */
    public static Regime anchor(long budget, double realShare, List<List<String>> realTrain, Sampler sampler) {
        return new Regime() {
            @Override
            public String name() {
                return "anchor" + Math.round(realShare * 100);
            }

            @Override
            public TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random) {
                long realBudget = (long) Math.floor(realShare * budget);
                // a fresh random order each generation, then lines in that order while they fit the real budget
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < realTrain.size(); i++) {
                    order.add(i);
                }
                for (int i = order.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    Integer t = order.get(i);
                    order.set(i, order.get(j));
                    order.set(j, t);
                }
                List<List<String>> real = new ArrayList<>();
                long realTokens = 0;
                for (int i : order) {
                    List<String> line = realTrain.get(i);
                    if (realTokens + line.size() <= realBudget) {
                        real.add(line);
                        realTokens += line.size();
                    }
                }
                List<List<String>> samples = sampler.lines(previous, budget - realTokens, random);
                return new TrainingSet(real, samples, Corpus.tokens(samples));
            }
        };
    }

    /**
     * Gerstgrasser et al. (2024): real-train plus every generation's B tokens of samples; the training set
     * grows without bound.
     */
    public static Regime accumulate(long budget, List<List<String>> realTrain, Sampler sampler) {
        return new Regime() {
            private final List<List<String>> synthetic = new ArrayList<>();

            @Override
            public String name() {
                return "accumulate";
            }

            @Override
            public TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random) {
                List<List<String>> samples = sampler.lines(previous, budget, random);
                synthetic.addAll(samples);
                return new TrainingSet(realTrain, List.copyOf(synthetic), Corpus.tokens(samples));
            }
        };
    }

    /**
     * Gerstgrasser et al.'s accumulate-subsample (2024; Kazdan et al. 2024): real-train and every generation's B
     * tokens of samples accumulate in a pool, and each training set is a uniform random subsample of that pool, B
     * tokens in all: the training budget stays fixed while the pool keeps its history. The subsample is the curator's
     * own ({@link TokenBudget} with {@link AnchorPolicy#ACCUMULATE_SUBSAMPLE}: lines in a seeded random order while
     * they fit), with the real lines not capped (anchor ratio 1), as in the paper: real-train is half the pool at
     * generation 1 and 1/(g + 1) of it at generation g.
     */
    public static Regime accumulateSubsample(long budget, List<List<String>> realTrain, Sampler sampler) {
        return new Regime() {
            private final List<List<String>> earlier = new ArrayList<>();

            @Override
            public String name() {
                return "accumulate-subsample";
            }

            @Override
            public TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random) {
                List<List<String>> samples = sampler.lines(previous, budget, random);
                AnchorPolicy.Mix<List<String>> mix = TokenBudget.mix(AnchorPolicy.ACCUMULATE_SUBSAMPLE, samples,
                        earlier, realTrain, 1.0, random.nextLong(), budget, List::size);
                earlier.addAll(samples);
                return new TrainingSet(mix.real(), mix.synthetic(), Corpus.tokens(samples));
            }
        };
    }
}
