package dev.longtail.evolver;

import java.time.Duration;
import java.util.OptionalInt;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import dev.longtail.evolver.campaign.ArmSettings;
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
