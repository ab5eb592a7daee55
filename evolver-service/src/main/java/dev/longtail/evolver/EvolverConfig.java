package dev.longtail.evolver;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The evolver's typed configuration ({@code longtail.evolver.*}): campaign defaults and generation 1's plan. */
@ConfigMapping(prefix = "longtail.evolver")
public interface EvolverConfig {

    /** Share of a seed set kept out of the loop for the evaluator (held-out real data). */
    @WithDefault("0.2")
    double heldOutShare();

    /** A campaign's random seed when its request gives none. */
    @WithDefault("42")
    long defaultRandomSeed();

    /** How long a publish waits for the broker's acknowledgement. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Records older than this that are still unpublished are re-sent by the sweep (crash between commit and send). */
    @WithDefault("10s")
    Duration publishGrace();

    /** How often the publish sweep looks for unpublished records (read by the scheduler). */
    @WithDefault("5s")
    Duration publishSweepEvery();

    /** The evaluator, asked for each campaign's report when an experiment's comparison is requested. */
    @WithDefault("http://localhost:8084")
    String evaluatorUrl();

    /** How long the evolver waits for one campaign report of the evaluator (the connection: a tenth of it). */
    @WithDefault("10s")
    Duration evaluatorTimeout();

    /**
     * Generation 1's plan and a campaign's arm settings when its request leaves them out; later plans are the
     * previous one with the evaluator's adjustments applied (when the arm's feedback is on).
     */
    Plan plan();

    /** Limits on uploaded seed sets. */
    SeedSets seedSets();

    /** How generations evolve: a campaign's operator set and policies when its request leaves them out. */
    Evolution evolution();

    /** The OpenAI-compatible chat endpoint of the operators' LLM form; unset: only the rule form is offered. */
    Llm llm();

    /** Evolution defaults and the science's parameters (see dev.longtail.core.evolution). */
    interface Evolution {
        /** The operators a campaign evolves with (names of OperatorCatalog); the default is the loop's two rules. */
        @WithDefault("add-constraints,topic-shift")
        List<String> operators();

        /** {@code rule} (the embedded rules, no model) or {@code llm} (versioned prompts through {@link Llm}). */
        @WithDefault("rule")
        @Pattern(regexp = EvolutionSettings.FORMS)
        String operatorForm();

        /** Whether operator weights adapt per category to the share of each operator's seeds the curator keeps. */
        @WithDefault("false")
        boolean adaptiveOperators();

        /** Whether parents and donor words come from what the last version lacks of the reference. */
        @WithDefault("false")
        boolean gapDriven();

        /** ROUGE-L F from which a rewrite that adds no new word has no information gain (elimination rule 1). */
        @WithDefault("0.8")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double gainThreshold();

        /** The bandit's learning rate η: w ← w·exp(η·(kept share − the category's kept share)). */
        @WithDefault("2.0")
        @DecimalMin(value = "0", inclusive = false)
        double banditLearningRate();

        /** The lowest operator weight (every operator stays in play). */
        @WithDefault("0.25")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double banditMinWeight();

        /** The highest operator weight. */
        @WithDefault("4.0")
        @DecimalMin("1")
        double banditMaxWeight();

        /** The fewest seeds of an operator and category in a generation that move its weight. */
        @WithDefault("3")
        @Min(1)
        int banditMinSamples();

        /** A reference n-gram is rare at this count or below (the evaluator's rare(R), docs/metrics.md). */
        @WithDefault("2")
        @Min(1)
        int gapMaxRareCount();

        /** The largest factor on a thinning category's parent draws. */
        @WithDefault("4.0")
        @DecimalMin("1")
        double gapMaxBoost();
    }

    /** An OpenAI-compatible chat endpoint: the generator's own {@code /v1} (the embedded model) or any server. */
    interface Llm {
        /** Base URL with its version path, e.g. {@code http://localhost:8081/v1}; unset: no LLM form. */
        Optional<String> baseUrl();

        /** The model asked for. */
        @WithDefault("longtail-embedded")
        String model();

        /** Sent as {@code Authorization: Bearer <key>} when set. */
        Optional<String> apiKey();

        /** The prompt templates' version (resources of dev.longtail.core.evolution, recorded on evolved seeds). */
        @WithDefault("v1")
        String templateVersion();

        /** Whether the model also answers each evolved instruction, so elimination rules 2 and 3 judge a response. */
        @WithDefault("true")
        boolean probeResponses();

        /** Sampling temperature of rewrites. */
        @WithDefault("0.7")
        double temperature();

        /** Most tokens of one reply. */
        @WithDefault("256")
        int maxTokens();

        /** How long one chat completion may take. */
        @WithDefault("60s")
        Duration timeout();
    }

    /** The defaults of a generation plan. */
    interface Plan {
        /** Share of in-breadth (topic-widening) evolutions; the rest are in-depth. */
        @WithDefault("0.5")
        double inBreadthShare();

        /** Sampling temperature of the generator, in (0, 2]. */
        @WithDefault("1.0")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("2")
        double temperature();

        /** Nucleus (top-p) probability mass of the generator, in (0, 1]. */
        @WithDefault("0.95")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double topP();

        /** Maximum tokens per sampled response. */
        @WithDefault("120")
        int maxTokens();

        /** Share of real anchor records in a sealed dataset version, in [0, 1). */
        @WithDefault("0.1")
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        double anchorRatio();

        /**
         * How real data enters each dataset version ({@code replace}, {@code ratio}, {@code accumulate},
         * {@code accumulate-subsample}, {@code tail-preserving}); the curator's shipped default.
         */
        @WithDefault("tail-preserving")
        @Pattern(regexp = ArmSettings.ANCHOR_POLICIES)
        String anchorPolicy();

        /**
         * Share of accepted tokens a tail-preserving version keeps, in (0, 1]; the curator's shipped default. A campaign
         * with a candidate factor k &gt; 1 that sets no keep share keeps 1/k instead (see {@link ArmSettings}).
         */
        @WithDefault("0.6")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        double keepShare();

        /** Share of a tail-preserving version's synthetic budget that the previous version's records may fill, in [0, 1). */
        @WithDefault("0")
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        double carryOver();

        /** Fixed token budget per version (synthetic + anchors); none when unset. */
        OptionalInt tokenBudget();

        /** Whether the evaluator's adjustments are applied to the next plan. */
        @WithDefault("true")
        boolean feedback();

        /** Samples generated per record a version keeps: a generation evolves samplesPerGeneration × this, in 1..20. */
        @WithDefault("1")
        @Min(1) @Max(20)
        int candidateFactor();

        /** Jaccard similarity from which the curator rejects a sample as a near duplicate. */
        @WithDefault("0.8")
        double nearDuplicateThreshold();

        /** Shortest accepted response, in words. */
        @WithDefault("3")
        int minWords();

        /** Longest accepted response, in words. */
        @WithDefault("300")
        int maxWords();
    }

    /** What an uploaded seed set may hold. */
    interface SeedSets {
        /** Fewest seeds a set needs to be split into reference and held-out seeds. */
        @WithDefault("5")
        int minSeeds();

        /** Most lines an upload may have (413 beyond). */
        @WithDefault("10000")
        int maxLines();
    }
}
