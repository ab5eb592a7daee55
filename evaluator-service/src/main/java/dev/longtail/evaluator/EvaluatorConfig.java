package dev.longtail.evaluator;

import dev.longtail.core.feedback.CollapseThresholds;
import dev.longtail.core.feedback.ControllerLimits;
import dev.longtail.core.feedback.FeedbackThresholds;
import dev.longtail.core.feedback.SizeMatchedThresholds;
import dev.longtail.core.metrics.CollapseSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of the evaluator: the verdict's limits, the loop controller's and how the metrics are measured. */
@ConfigMapping(prefix = "longtail.evaluator")
public interface EvaluatorConfig {

    /** Order of the Kneser-Ney model trained on a version to measure its held-out perplexity. */
    @WithDefault("3")
    int ngramOrder();

    /** Which n-grams of the reference count as its tail. */
    Tail tail();

    /** The limits of the verdict (see {@link FeedbackThresholds}; defaults equal its DEFAULTS). */
    Feedback feedback();

    /**
     * The loop controller's good limits and patience (see {@link ControllerLimits}; defaults equal its DEFAULTS). Its
     * worse limits are the verdict's drifting limits: {@code feedback.*} and {@code collapse.self-bleu-rise-tolerance}.
     */
    Controller controller();

    /** How the richer collapse metrics are measured (sample sizes, embeddings, clusters, bins). */
    MetricsSettings metrics();

    /** Limits of the collapse signals beyond the six loop metrics. */
    Collapse collapse();

    /** Downstream evaluation as a Kubernetes Job per dataset version (off by default). */
    Downstream downstream();

    /** How an uploaded dataset is judged against real samples of its size (POST /api/v1/evaluations). */
    Upload upload();

    /** Upper bound on the records of one uploaded dataset (POST /api/v1/evaluations), reference included. */
    @WithDefault("50000")
    int maxUploadRecords();

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

    /** When a knob counts as good (each stricter than its drifting limit), and when an outcome counts as unchanged. */
    interface Controller {
        /** Tail coverage / generation 1's at or above which the anchor ratio's tail signal is good (drifting: 0.8). */
        @WithDefault("0.9")
        double goodTailCoverageRatio();

        /** Held-out perplexity / the reference's at or below which it is good (drifting: 1.3). */
        @WithDefault("1.2")
        double goodPerplexityRatio();

        /** Relative distinct-2 drop against the previous generation at or below which it is good (drifting: 0.05). */
        @WithDefault("0.01")
        double goodDistinct2Drop();

        /** Relative Self-BLEU rise against the previous generation at or below which it is good (drifting: 0.10). */
        @WithDefault("0.03")
        double goodSelfBleuRise();

        /** Consecutive good generations before a knob relaxes one step toward generation 1's value. */
        @WithDefault("2")
        int goodGenerations();

        /** Relative change of a targeted signal, one generation after its adjustment, that counts as unchanged. */
        @WithDefault("0.01")
        double outcomeTolerance();

        default ControllerLimits limits() {
            return new ControllerLimits(goodTailCoverageRatio(), goodPerplexityRatio(), goodDistinct2Drop(),
                    goodSelfBleuRise(), goodGenerations(), outcomeTolerance());
        }
    }

    /** Measurement settings; see {@link CollapseSettings}. */
    interface MetricsSettings {
        /** Texts drawn (seeded) for Self-BLEU; each is scored against the others of the sample. */
        @WithDefault("500")
        int selfBleuSample();

        /** BLEU order of Self-BLEU. */
        @WithDefault("4")
        int selfBleuMaxN();

        /** Texts embedded per corpus (seeded sample); 0 turns the embedding metrics off. */
        @WithDefault("1000")
        int embeddingSample();

        /** k of the k-means clustering of the reference embeddings (rare clusters). */
        @WithDefault("16")
        int clusters();

        /** Bins of the length and per-sample perplexity histograms (quantiles of the real data). */
        @WithDefault("10")
        int histogramBins();

        /** Seed of every sample drawn. */
        @WithDefault("42")
        long seed();

        /**
         * Reference baselines (generation-0 model, embeddings, clusters) kept in memory, least recently used out. Above
         * the campaigns that run at once (the demo runs nine), or every evaluation rebuilds its campaign's baseline:
         * evaluations arrive round-robin over the campaigns, the worst case of an LRU cache. Each entry holds the
         * reference's model, embeddings and clusters, so memory grows with this.
         */
        @WithDefault("32")
        int cachedCampaigns();

        /** K of distinct2AtK: distinct-2 over the first K tokens of the texts in a seeded order. */
        @WithDefault("2000")
        int fixedCountTokens();
    }

    /**
     * Length and perplexity-signature limits, the same defaults for the loop ({@link Collapse}: against generation 1)
     * and uploads ({@link Upload}: against real samples of their size).
     */
    interface LengthAndSignature {
        /** Mean words / the baseline's at or below which texts shrink (drifting). */
        @WithDefault("0.7")
        double driftingLengthRatio();

        /** … collapsing. */
        @WithDefault("0.4")
        double collapsingLengthRatio();

        /** Median words per text at or below which the set is collapsing outright. */
        @WithDefault("2")
        double collapsingMedianWords();

        /** Rise of the over-probable share over the baseline's that is drifting. */
        @WithDefault("0.2")
        double overProbableRise();

        /** Rise of the implausible share over the baseline's that is drifting. */
        @WithDefault("0.1")
        double implausibleRise();
    }

    /** See {@link CollapseThresholds}; defaults equal its DEFAULTS. */
    interface Collapse extends LengthAndSignature {
        @WithDefault("0.10")
        double selfBleuRiseTolerance();

        @WithDefault("0.8")
        double driftingVendiRatio();

        @WithDefault("0.5")
        double collapsingVendiRatio();

        @WithDefault("0.5")
        double driftingRareClusterRatio();

        @WithDefault("0.5")
        double driftingMinorityRatio();

        @WithDefault("2.0")
        double driftingFrechetRatio();

        @WithDefault("0.8")
        double driftingHeldOutTailRatio();

        @WithDefault("0.5")
        double collapsingHeldOutTailRatio();

        @WithDefault("0.1")
        double driftingCategoryLoss();

        default CollapseThresholds thresholds() {
            return new CollapseThresholds(selfBleuRiseTolerance(), driftingVendiRatio(), collapsingVendiRatio(),
                    driftingLengthRatio(), collapsingLengthRatio(), collapsingMedianWords(), overProbableRise(),
                    implausibleRise(), driftingRareClusterRatio(), driftingMinorityRatio(), driftingFrechetRatio(),
                    driftingHeldOutTailRatio(), collapsingHeldOutTailRatio(), driftingCategoryLoss());
        }
    }

    /**
     * An upload is judged against what real samples of its size get (see {@link SizeMatchedThresholds}; defaults
     * equal its DEFAULTS): ratios are upload / expected, the category loss is the reference share missing beyond it.
     */
    interface Upload extends LengthAndSignature {
        /** Seeded samples of the reference (and of the held-out texts) per upload; their mean is the expectation. */
        @WithDefault("5")
        int referenceSamples();

        @WithDefault("0.8")
        double driftingDistinct2Ratio();

        @WithDefault("0.5")
        double collapsingDistinct2Ratio();

        @WithDefault("2.0")
        double driftingSelfBleuRatio();

        @WithDefault("5.0")
        double collapsingSelfBleuRatio();

        @WithDefault("0.8")
        double driftingVendiRatio();

        @WithDefault("0.5")
        double collapsingVendiRatio();

        /** Tail coverage of the reference's and of the held-out texts' rare n-grams. */
        @WithDefault("0.6")
        double driftingTailRatio();

        @WithDefault("0.3")
        double collapsingTailRatio();

        @WithDefault("0.5")
        double driftingRareClusterRatio();

        @WithDefault("0.2")
        double collapsingRareClusterRatio();

        @WithDefault("0.1")
        double driftingCategoryLoss();

        @WithDefault("0.3")
        double collapsingCategoryLoss();

        @WithDefault("1.5")
        double driftingPerplexityRatio();

        @WithDefault("2.5")
        double collapsingPerplexityRatio();

        @WithDefault("0.5")
        double driftingMinorityRatio();

        default SizeMatchedThresholds thresholds() {
            return new SizeMatchedThresholds(driftingDistinct2Ratio(), collapsingDistinct2Ratio(), driftingSelfBleuRatio(),
                    collapsingSelfBleuRatio(), driftingVendiRatio(), collapsingVendiRatio(), driftingTailRatio(),
                    collapsingTailRatio(), driftingRareClusterRatio(), collapsingRareClusterRatio(), driftingCategoryLoss(),
                    collapsingCategoryLoss(), driftingPerplexityRatio(), collapsingPerplexityRatio(), driftingLengthRatio(),
                    collapsingLengthRatio(), collapsingMedianWords(), overProbableRise(), implausibleRise(),
                    driftingMinorityRatio());
        }
    }

    /**
     * A Kubernetes Job per evaluated version that fine-tunes or evaluates a model on it. The container gets the
     * dataset's location in LONGTAIL_DATASET_URL (and campaign, generation, version ids) and writes its result, a
     * JSON object of numbers, to /dev/termination-log, which the evaluator reads from the pod's status.
     */
    interface Downstream {
        /** Off by default: the loop does not need a cluster. */
        @WithDefault("false")
        boolean enabled();

        /** Namespace of the Jobs (the evaluator's ServiceAccount needs the Role in k8s/). */
        @WithDefault("longtail")
        String namespace();

        /** Container image of the job. */
        @WithDefault("ghcr.io/longtail/downstream-eval:latest")
        String image();

        /** Command of the container (empty: the image's entrypoint). */
        Optional<List<String>> command();

        /** Location template of the dataset version; {id} becomes the dataset version id. */
        @WithDefault("http://evaluator-service:8084/api/v1/dataset-versions/{id}/records.jsonl")
        String datasetLocation();

        /** CPU request and limit, e.g. "1" or "500m". */
        @WithDefault("1")
        String cpu();

        /** Memory request and limit. */
        @WithDefault("2Gi")
        String memory();

        /** nvidia.com/gpu limit; 0 asks for none. */
        @WithDefault("0")
        int gpus();

        /** The job's wall-clock limit (activeDeadlineSeconds) and how long the evaluator waits for it. */
        @WithDefault("30m")
        Duration timeout();

        /** ttlSecondsAfterFinished: Kubernetes deletes the finished Job (and its pods) after this. */
        @WithDefault("1h")
        Duration ttlAfterFinished();

        /** Retries of a failed pod (backoffLimit). */
        @WithDefault("0")
        int backoffLimit();

        /** How often open jobs are checked. */
        @WithDefault("10s")
        String pollEvery();
    }
}
