package dev.longtail.evolver;

import java.time.Duration;

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

    /** Generation 1's plan; later plans are the previous one with the evaluator's adjustments applied. */
    Plan plan();

    /** Limits on uploaded seed sets. */
    SeedSets seedSets();

    /** The defaults of a generation plan. */
    interface Plan {
        /** Share of in-breadth (topic-widening) evolutions; the rest are in-depth. */
        @WithDefault("0.5")
        double inBreadthShare();

        /** Sampling temperature of the generator. */
        @WithDefault("1.0")
        double temperature();

        /** Nucleus (top-p) probability mass of the generator. */
        @WithDefault("0.95")
        double topP();

        /** Maximum tokens per sampled response. */
        @WithDefault("120")
        int maxTokens();

        /** Share of real anchor records in a sealed dataset version. */
        @WithDefault("0.1")
        double anchorRatio();

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
