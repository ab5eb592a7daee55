package dev.longtail.bench;

import dev.longtail.core.curation.CurationThresholds;
import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.feedback.Change;
import dev.longtail.core.feedback.FeedbackPolicy;
import dev.longtail.core.feedback.FeedbackThresholds;
import dev.longtail.core.feedback.VersionSignals;
import dev.longtail.core.feedback.PlanValues;
import dev.longtail.core.lm.KneserNeyModel;
import dev.longtail.core.metrics.DiversityMetrics;
import dev.longtail.core.metrics.TailCoverage;
import dev.longtail.core.selection.CuratedGeneration;
import dev.longtail.core.selection.SelectionSettings;
import dev.longtail.core.selection.TailPreservingCuration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Longtail's loop in the benchmark: over-generate candidates from the previous model, curate them with the
 * core's {@link TailPreservingCuration} (the curator's own session and filters inside; the previous set's
 * synthetic lines are candidates too when the settings allow carry-over, and count toward the candidate
 * allowance), then let the core's
 * {@link FeedbackPolicy} judge the sealed set against the real reference and turn the plan's knobs for the
 * next generation. The feedback sees only real-train and the training set, never the held-out part, so it
 * judges without held-out perplexity.
 */
public final class LongtailRegime implements Regime {

    private final long budget;
    private final double maxRealShare;
    private final int candidateFactor;
    private final Sampler sampler;
    private final SelectionSettings settings;
    private final TailPreservingCuration curation;
    private final FeedbackPolicy feedback = new FeedbackPolicy(FeedbackThresholds.DEFAULTS);
    private final TailCoverage tail;
    private final VersionSignals reference;
    private PlanValues plan;
    private VersionSignals previousMetrics;
    private List<List<String>> previousSynthetic = List.of();
    private String lastVerdict = "";
    private CuratedGeneration lastCurated;

    /** Up to {@code candidateFactor} × budget candidate tokens per generation, at most maxRealShare real. */
    public LongtailRegime(long budget, double maxRealShare, int candidateFactor, List<List<String>> realTrain,
                          Sampler sampler, SelectionSettings settings) {
        this.budget = budget;
        this.maxRealShare = maxRealShare;
        this.candidateFactor = candidateFactor;
        this.sampler = sampler;
        this.settings = settings;
        this.curation = new TailPreservingCuration(realTrain, settings);
        this.tail = TailCoverage.ofReference(realTrain, 2, 2);
        this.reference = metrics(realTrain);
        this.plan = new PlanValues(0.5, 1.0, maxRealShare, CurationThresholds.DEFAULTS.nearDuplicateThreshold());
    }

    @Override
    public String name() {
        return "longtail";
    }

    @Override
    public TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random) {
        // carried-over lines are candidates too: the fresh samples fill the rest of the candidate allowance
        long carried = settings.maxCarriedShare() > 0 ? Corpus.tokens(previousSynthetic) : 0;
        List<List<String>> candidates = sampler.lines(previous, candidateFactor * budget - carried, random);
        double realShare = Math.min(maxRealShare, plan.anchorRatio());
        CuratedGeneration curated = curation.curate(candidates, previousSynthetic, budget, realShare,
                plan.nearDuplicateThreshold(), random.nextLong());
        previousSynthetic = curated.synthetic();
        lastCurated = curated;

        VersionSignals current = metrics(curated.trainingSet());
        Assessment assessment = feedback.assess(reference, previousMetrics, current, plan);
        previousMetrics = current;
        lastVerdict = assessment.health().name().toLowerCase(java.util.Locale.ROOT);
        for (Change change : assessment.changes()) {
            plan = apply(plan, change);
        }
        return new TrainingSet(curated.anchors(), curated.synthetic(), curated.candidateTokens());
    }

    /** The feedback verdict on the last generation. */
    public String lastVerdict() {
        return lastVerdict;
    }

    /** The last generation's curation evidence. */
    public CuratedGeneration lastCurated() {
        return lastCurated;
    }

    private VersionSignals metrics(List<List<String>> lines) {
        return new VersionSignals(DiversityMetrics.distinctN(lines, 1), DiversityMetrics.distinctN(lines, 2),
                DiversityMetrics.unigramEntropy(lines), tail.coverageOf(lines), Double.NaN,
                DiversityMetrics.meanWords(lines));
    }

    /** The knobs that exist here: the real share (never above the benchmark's cap) and the near-duplicate threshold. */
    private static PlanValues apply(PlanValues plan, Change change) {
        return switch (change.parameter()) {
            case Change.ANCHOR_RATIO -> new PlanValues(plan.inBreadthShare(), plan.temperature(), change.to(),
                    plan.nearDuplicateThreshold());
            case Change.NEAR_DUPLICATE_THRESHOLD -> new PlanValues(plan.inBreadthShare(), plan.temperature(),
                    plan.anchorRatio(), change.to());
            // in-breadth share has no meaning for unprompted sampling; temperature is not applied: raising it (the
            // policy's answer to falling distinct-2) measured much worse with this model (T 1.15: g3 765 vs 605)
            default -> plan;
        };
    }
}
