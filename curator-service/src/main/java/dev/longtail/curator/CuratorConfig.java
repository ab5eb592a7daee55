package dev.longtail.curator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the curator: the MinHash set-up of its curation sessions and the degeneracy limit. */
@ConfigMapping(prefix = "longtail.curator")
public interface CuratorConfig {

    /** The MinHash signatures that near-duplicate detection compares. */
    MinHash minhash();

    /** Largest share of repeated word trigrams an output may have before it is rejected as degenerate. */
    @WithDefault("0.3")
    double maxRepeatedNgramShare();

    /**
     * How often versions sealed but not yet acknowledged by the broker are sent again (read by the
     * {@code @Scheduled} sweep of {@link DatasetPublisher}).
     */
    @WithDefault("5s")
    String publishSweepEvery();

    /** MinHash set-up; changing it changes which samples count as near duplicates. */
    interface MinHash {
        /** Signature length: the Jaccard estimate's standard error is about sqrt(J(1-J)/permutations). */
        @WithDefault("128")
        int permutations();

        /** Words per shingle. */
        @WithDefault("5")
        int shingleSize();

        /** Seed of the hash functions: fixed, so that a session rebuilt after a restart decides the same way. */
        @WithDefault("20241126")
        long seed();
    }
}
