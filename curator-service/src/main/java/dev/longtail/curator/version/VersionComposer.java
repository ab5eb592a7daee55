package dev.longtail.curator.version;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.core.curation.TokenBudget;
import dev.longtail.core.curation.VersionBudget;
import dev.longtail.core.selection.TailPreservingVersion;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Composes a dataset version under a campaign's anchor policy and budget: which accepted samples it keeps (this
 * generation's and, accumulating, earlier ones), which records of the previous version it carries over
 * (tail-preserving), which real reference seeds join them as anchors, which accepted samples the policy left out and
 * why, and the tokens of each part.
 */
public final class VersionComposer {

    /** Reason of an accepted sample a fixed token budget cut from a replace or ratio version. */
    public static final String OVER_BUDGET = "OVER_BUDGET";
    /** Reason of an accepted sample the accumulate-subsample draw did not take. */
    public static final String NOT_SAMPLED = "NOT_SAMPLED";

    /**
     * A composed version: synthetic records first (this generation's kept samples, then earlier ones: accumulated or
     * carried over), then the anchors, in the order the version stores them. {@code leftOut} counts this generation's
     * accepted samples that are not in the version, by reason; {@code carried} how many synthetic records were
     * carried over from the previous version; {@code syntheticTokens} include the carried records' tokens.
     */
    public record Composition(List<VersionCandidate> synthetic, List<VersionCandidate> anchors,
            Map<String, Integer> leftOut, int carried, long syntheticTokens, long carriedTokens, long anchorTokens) {
    }

    private VersionComposer() {
    }

    /** Whether the policy also takes the samples accepted in earlier generations. */
    public static boolean takesEarlierGenerations(AnchorPolicy policy) {
        return policy == AnchorPolicy.ACCUMULATE || policy == AnchorPolicy.ACCUMULATE_SUBSAMPLE;
    }

    /** Whether the policy, with this budget, reads the previous version's synthetic records. */
    public static boolean carriesOver(AnchorPolicy policy, VersionBudget budget) {
        return policy == AnchorPolicy.TAIL_PRESERVING && budget.carryOver() > 0;
    }

    /** Whether the policy spends a fixed token budget (accumulate grows by design and ignores it). */
    public static boolean spendsTokenBudget(AnchorPolicy policy) {
        return policy != AnchorPolicy.ACCUMULATE;
    }

    /**
     * The version of a generation.
     *
     * @param accepted   the generation's accepted samples, in sample-id order
     * @param earlier    samples accepted in earlier generations (read only by the accumulating policies)
     * @param carried    the previous version's synthetic records (read only by a tail-preserving carry-over)
     * @param reference  the campaign's real reference seeds, the anchor pool
     * @param budget     the arm's anchor ratio, keep share, carry-over and token budget in force
     * @param anchorSeed the seed of the anchor draw and of a budget's random order ({@link #anchorSeed})
     */
    public static Composition compose(AnchorPolicy policy, List<VersionCandidate> accepted,
            List<VersionCandidate> earlier, List<VersionCandidate> carried, List<VersionCandidate> reference,
            VersionBudget budget, long anchorSeed) {
        ToIntFunction<VersionCandidate> tokens = memoized();
        if (policy == AnchorPolicy.TAIL_PRESERVING) {
            var c = TailPreservingVersion.compose(accepted, carriesOver(policy, budget) ? carried : List.of(),
                    reference, VersionCandidate::fullText, budget, TailPreservingVersion.RECORDS);
            return new Composition(c.mix().synthetic(), c.anchors(), c.leftOut(), c.carried().size(),
                    c.syntheticTokens(), c.carriedTokens(), c.anchorTokens());
        }
        boolean budgeted = budget.tokenBudget().isPresent() && spendsTokenBudget(policy);
        AnchorPolicy.Mix<VersionCandidate> mix = budgeted
                ? TokenBudget.mix(policy, accepted, earlier, reference, budget.anchorRatio(), anchorSeed,
                        budget.tokenBudget().getAsLong(), tokens)
                : policy.mix(accepted, earlier, reference, budget.anchorRatio(), anchorSeed);
        Set<VersionCandidate> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(mix.synthetic());
        int left = (int) accepted.stream().filter(a -> !kept.contains(a)).count();
        Map<String, Integer> leftOut = left == 0 ? Map.of()
                : Map.of(policy == AnchorPolicy.ACCUMULATE_SUBSAMPLE ? NOT_SAMPLED : OVER_BUDGET, left);
        return new Composition(mix.synthetic(), mix.real(), leftOut, 0, TokenBudget.tokens(mix.synthetic(), tokens),
                0, TokenBudget.tokens(mix.real(), tokens));
    }

    /** The anchors of a generation depend only on the campaign and the generation, so a re-seal picks the same. */
    public static long anchorSeed(String campaignId, int generation) {
        UUID id = UUID.fromString(campaignId);
        return (id.getMostSignificantBits() ^ id.getLeastSignificantBits()) * 31 + generation;
    }

    /** Token counts computed once per record of one composition (the budget walk and the totals read them again). */
    private static ToIntFunction<VersionCandidate> memoized() {
        Map<VersionCandidate, Integer> counts = new IdentityHashMap<>();
        return c -> counts.computeIfAbsent(c, VersionCandidate::tokens);
    }
}
