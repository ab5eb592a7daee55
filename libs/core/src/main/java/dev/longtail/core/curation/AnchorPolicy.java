package dev.longtail.core.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How real data enters each dataset version of a campaign (Gerstgrasser et al. 2024, "Is Model Collapse
 * Inevitable?": replacing data with synthetic data lets the error grow, accumulating bounds it; Shumailov et al.,
 * Nature 2024):
 * <ul>
 *   <li>{@link #REPLACE}: only this generation's accepted synthetic samples;</li>
 *   <li>{@link #RATIO}: those plus real reference records making up the plan's anchor ratio of the version;</li>
 *   <li>{@link #ACCUMULATE}: every real reference record plus the synthetic samples accepted in every generation so
 *       far;</li>
 *   <li>{@link #ACCUMULATE_SUBSAMPLE}: that accumulated pool subsampled, without replacement, to the size the
 *       {@code RATIO} policy would give, so the training budget stays fixed while the pool keeps history;</li>
 *   <li>{@link #TAIL_PRESERVING}: Longtail's own policy, the one the collapse benchmark measures: a share of the
 *       accepted samples chosen to keep the reference's n-gram profile and its tail, and anchors chosen for what
 *       they still lack. It reads the records' texts, so {@code dev.longtail.core.selection.TailPreservingVersion}
 *       composes it, not {@link #mix}.</li>
 * </ul>
 * A campaign arm may fix the version's token budget: {@link TokenBudget} cuts the mixing policies' versions to it.
 */
public enum AnchorPolicy {
    REPLACE,
    RATIO,
    ACCUMULATE,
    ACCUMULATE_SUBSAMPLE,
    TAIL_PRESERVING;

    private static final String NAMES = "replace, ratio, accumulate, accumulate-subsample, tail-preserving";

    /** Parses a name case-insensitively, with '-' or '_' ("accumulate-subsample"). */
    public static AnchorPolicy parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("anchor policy is required; one of " + NAMES);
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown anchor policy '" + name
                    + "'; one of " + NAMES);
        }
    }

    /**
     * The version's records under this policy: synthetic first (current, then earlier), then real.
     *
     * @throws IllegalStateException for {@link #TAIL_PRESERVING}, which needs the records' texts
     */
    public <T> Mix<T> mix(List<T> currentSynthetic, List<T> earlierSynthetic, List<T> reference, double anchorRatio,
            long seed) {
        return switch (this) {
            case REPLACE -> new Mix<>(List.copyOf(currentSynthetic), List.of());
            case RATIO -> {
                int anchors = AnchorMixer.anchorCount(currentSynthetic.size(), anchorRatio, reference.size());
                yield new Mix<>(List.copyOf(currentSynthetic), AnchorMixer.choose(reference, anchors, seed));
            }
            case ACCUMULATE -> {
                List<T> synthetic = new ArrayList<>(currentSynthetic);
                synthetic.addAll(earlierSynthetic);
                yield new Mix<>(synthetic, List.copyOf(reference));
            }
            case ACCUMULATE_SUBSAMPLE -> {
                int budget = currentSynthetic.size()
                        + AnchorMixer.anchorCount(currentSynthetic.size(), anchorRatio, reference.size());
                List<T> pool = new ArrayList<>(currentSynthetic);
                pool.addAll(earlierSynthetic);
                int syntheticCount = pool.size();
                pool.addAll(reference);
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < pool.size(); i++) {
                    positions.add(i);
                }
                List<T> synthetic = new ArrayList<>();
                List<T> real = new ArrayList<>();
                for (int i : AnchorMixer.choose(positions, budget, seed)) {
                    (i < syntheticCount ? synthetic : real).add(pool.get(i));
                }
                yield new Mix<>(synthetic, real);
            }
            case TAIL_PRESERVING -> throw new IllegalStateException(
                    "the tail-preserving policy reads the records' texts: compose it with TailPreservingVersion");
        };
    }

    /** The synthetic and real records of a version. */
    public record Mix<T>(List<T> synthetic, List<T> real) {
    }
}
