package dev.longtail.curator;

import dev.longtail.core.curation.CurationConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Typed configuration of the curator: the filter chain's start-up values (changeable at run time through
 * {@code /admin/curation/thresholds}), which stages run in the loop, the synchronous API's limits, the default
 * anchor policy and the tail-keeping selection.
 */
@ConfigMapping(prefix = "longtail.curator")
public interface CuratorConfig {

    /** The MinHash signatures that near-duplicate detection compares. */
    MinHash minhash();

    /** Largest share of repeated word trigrams an output may have before it is rejected as degenerate. */
    @WithDefault("0.3")
    double maxRepeatedNgramShare();

    /**
     * How often versions sealed but not yet acknowledged by the broker are sent again (read by the
     * {@code @Scheduled} sweep of {@link dev.longtail.curator.messaging.DatasetPublisher}).
     */
    @WithDefault("5s")
    String publishSweepEvery();

    /** Stage switches and thresholds of the filter chain. */
    Filters filters();

    /** The semantic-duplicate stage (MiniLM embeddings). */
    Semantic semantic();

    /** Limits of {@code POST /api/v1/curate}. */
    Api api();

    /**
     * Anchor policy of campaigns whose plan names none and that have no admin override: replace, ratio, accumulate, accumulate-subsample or
     * tail-preserving (Longtail's own: a share of the accepted samples chosen to keep the reference's profile and
     * tail, anchors chosen for what they lack).
     */
    @WithDefault("tail-preserving")
    String anchorPolicy();

    /** Tail-keeping selection defaults. */
    Selection selection();

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

    /** Stage switches and thresholds; the loop's plan overrides min/max words and the near-duplicate threshold. */
    interface Filters {
        @WithDefault("true") boolean lengthEnabled();
        @WithDefault("true") boolean instructionEnabled();
        @WithDefault("true") boolean templateLeakEnabled();
        @WithDefault("true") boolean refusalEnabled();
        @WithDefault("true") boolean nonAlphabeticEnabled();
        @WithDefault("true") boolean repetitionEnabled();
        @WithDefault("true") boolean exactDuplicateEnabled();
        @WithDefault("true") boolean nearDuplicateEnabled();
        @WithDefault("true") boolean instructionNoveltyEnabled();

        /**
         * Whether instruction novelty also runs on campaign samples. Off by default: the evolver evolves every
         * generation from the same reference seeds, so sibling instructions share their parent's wording by design
         * (ROUGE-L above 0.7) and the rule would empty the loop's versions from generation 2 on.
         */
        @WithDefault("false") boolean instructionNoveltyInLoop();

        @WithDefault("3") int minWords();
        @WithDefault("300") int maxWords();
        @WithDefault("0.8") double nearDuplicateThreshold();
        @WithDefault("3") int instructionMinWords();
        @WithDefault("150") int instructionMaxWords();
        Optional<List<String>> unsupportedModalityWords();
        Optional<List<String>> templateMarkers();
        Optional<List<String>> refusalPhrases();
        @WithDefault("0.25") double maxNonAlphabeticShare();
        @WithDefault("5") int maxTokenRun();
        @WithDefault("0.3") double maxDuplicateLineShare();
        @WithDefault("0.20") double maxTop2gramShare();
        @WithDefault("0.18") double maxTop3gramShare();
        @WithDefault("0.16") double maxTop4gramShare();
        @WithDefault("true") boolean exactJaccardRecheck();
        @WithDefault("256") int maxCandidates();
        @WithDefault("0.7") double instructionRougeLThreshold();
        @WithDefault("32") int instructionPermutations();
    }

    /** The semantic stage costs about 4.5 ms per sample on 2 cores: on for the API, off in the loop by default. */
    interface Semantic {
        /** Run the semantic stage on campaign samples from Kafka. */
        @WithDefault("false") boolean loopEnabled();

        /** Run the semantic stage in {@code POST /api/v1/curate} (a request may switch it off). */
        @WithDefault("true") boolean apiEnabled();

        /** Cosine similarity at which a sample is a semantic duplicate of an accepted one. */
        @WithDefault("0.92") double threshold();

        /** Accepted samples beyond which an HNSW index replaces the exact scan. */
        @WithDefault("20000") int annThreshold();
    }

    /** Limits of the synchronous API. */
    interface Api {
        /** Most samples in one request. */
        @WithDefault("1000") int maxBatchSize();
    }

    /** Tail-keeping selection. */
    interface Selection {
        /** k-means clusters of the reference. */
        @WithDefault("16") int clusters();

        /** β: 0 keeps the reference's cluster proportions, 1 gives every cluster an equal quota. */
        @WithDefault("0.5") double tailBoost();

        /**
         * Share of a generation's accepted tokens that a version sealed under the tail-preserving policy keeps (the
         * rest is left out as NOT_SELECTED): below 1 the selection has candidates to choose between; at 1 it keeps
         * every accepted sample and only chooses the anchors. Changeable at run time ({@code selectionKeepShare});
         * a campaign whose plan sets {@code keepShare} keeps that share instead.
         */
        @WithDefault("0.6") double keepShare();

        /**
         * Largest share of a tail-preserving version's synthetic budget that the previous version's synthetic records
         * may fill again (the collapse benchmark's carry-over, which measured best at 0.6 there), for campaigns whose
         * plan does not set {@code carryOver}; in [0, 1). 0: every synthetic record is this generation's.
         */
        @WithDefault("0") double carryOver();
    }

    /** The start-up filter chain, validated (a bad property fails start-up with the field's name). */
    default CurationConfig curationConfig() {
        Filters f = filters();
        MinHash m = minhash();
        Semantic s = semantic();
        return new CurationConfig(f.lengthEnabled(), f.instructionEnabled(), f.templateLeakEnabled(), f.refusalEnabled(),
                f.nonAlphabeticEnabled(), f.repetitionEnabled(), f.exactDuplicateEnabled(), f.nearDuplicateEnabled(),
                f.instructionNoveltyEnabled(), s.apiEnabled(), f.minWords(), f.maxWords(), f.instructionMinWords(),
                f.instructionMaxWords(), f.unsupportedModalityWords().orElse(CurationConfig.SELF_INSTRUCT_MODALITIES),
                f.templateMarkers().orElse(CurationConfig.TEMPLATE_MARKERS),
                f.refusalPhrases().orElse(CurationConfig.REFUSAL_PHRASES), f.maxNonAlphabeticShare(),
                maxRepeatedNgramShare(), f.maxTokenRun(), f.maxDuplicateLineShare(), f.maxTop2gramShare(),
                f.maxTop3gramShare(), f.maxTop4gramShare(), f.nearDuplicateThreshold(), m.permutations(), m.shingleSize(),
                m.seed(), f.exactJaccardRecheck(), f.maxCandidates(), f.instructionRougeLThreshold(),
                f.instructionPermutations(), s.threshold(), s.annThreshold());
    }
}
