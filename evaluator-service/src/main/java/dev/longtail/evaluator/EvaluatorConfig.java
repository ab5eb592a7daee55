package dev.longtail.evaluator;

import dev.longtail.core.feedback.FeedbackThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the evaluator: the verdict's limits and how the metrics are measured. */
@ConfigMapping(prefix = "longtail.evaluator")
public interface EvaluatorConfig {

    /** Order of the Kneser-Ney model trained on a version to measure its held-out perplexity. */
    @WithDefault("3")
    int ngramOrder();

    /** Which n-grams of the reference count as its tail. */
    Tail tail();

    /** The limits of the verdict (see {@link FeedbackThresholds}; defaults equal its DEFAULTS). */
    Feedback feedback();

    /** How often evaluations not yet acknowledged by the broker are sent again. */
    @WithDefault("5s")
    String publishSweepEvery();

    /** The tail of the reference: its n-grams occurring at most maxCount times. */
    interface Tail {
        @WithDefault("2")
        int n();

        @WithDefault("2")
        int maxCount();
    }

    /** Verdict limits: ratios to the reference's generation-0 metrics and the tolerated distinct-2 drop. */
    interface Feedback {
        @WithDefault("1.3")
        double driftingPerplexityRatio();

        @WithDefault("2.0")
        double collapsingPerplexityRatio();

        @WithDefault("0.8")
        double driftingTailCoverageRatio();

        @WithDefault("0.5")
        double collapsingTailCoverageRatio();

        @WithDefault("0.05")
        double distinct2DropTolerance();

        default FeedbackThresholds thresholds() {
            return new FeedbackThresholds(driftingPerplexityRatio(), collapsingPerplexityRatio(),
                    driftingTailCoverageRatio(), collapsingTailCoverageRatio(), distinct2DropTolerance());
        }
    }
}
