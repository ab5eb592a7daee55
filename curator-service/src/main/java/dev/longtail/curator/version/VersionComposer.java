package dev.longtail.curator.version;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.selection.TailPreservingVersion;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Composes a dataset version under a campaign's anchor policy: which accepted samples it keeps (this generation's
 * and, accumulating, earlier ones), which real reference seeds join them as anchors, and which accepted samples
 * the policy left out and why.
 */
public final class VersionComposer {

    /** A composed version: synthetic records first, then the anchors, in the order the version stores them. */
    public record Composition(List<VersionCandidate> synthetic, List<VersionCandidate> anchors,
            Map<String, Integer> leftOut) {
    }

    private VersionComposer() {
    }

    /** Whether the policy also takes the samples accepted in earlier generations. */
    public static boolean takesEarlierGenerations(AnchorPolicy policy) {
        return policy == AnchorPolicy.ACCUMULATE || policy == AnchorPolicy.ACCUMULATE_SUBSAMPLE;
    }

    /**
     * The version of a generation.
     *
     * @param accepted    the generation's accepted samples, in sample-id order
     * @param earlier     samples accepted in earlier generations (read only by the accumulating policies)
     * @param reference   the campaign's real reference seeds, the anchor pool
     * @param anchorRatio the plan's anchor ratio
     * @param keepShare   the share of accepted tokens a tail-preserving version keeps
     * @param anchorSeed  the seed of the anchor draw ({@link #anchorSeed})
     */
    public static Composition compose(AnchorPolicy policy, List<VersionCandidate> accepted,
            List<VersionCandidate> earlier, List<VersionCandidate> reference, double anchorRatio, double keepShare,
            long anchorSeed) {
        if (policy == AnchorPolicy.TAIL_PRESERVING) {
            var composition = TailPreservingVersion.compose(accepted, reference, VersionCandidate::fullText,
                    anchorRatio, keepShare, TailPreservingVersion.RECORDS);
            return new Composition(composition.mix().synthetic(), composition.mix().real(), composition.leftOut());
        }
        AnchorPolicy.Mix<VersionCandidate> mix = policy.mix(accepted, earlier, reference, anchorRatio, anchorSeed);
        return new Composition(mix.synthetic(), mix.real(), Map.of());
    }

    /** The anchors of a generation depend only on the campaign and the generation, so a re-seal picks the same. */
    public static long anchorSeed(String campaignId, int generation) {
        UUID id = UUID.fromString(campaignId);
        return (id.getMostSignificantBits() ^ id.getLeastSignificantBits()) * 31 + generation;
    }
}
