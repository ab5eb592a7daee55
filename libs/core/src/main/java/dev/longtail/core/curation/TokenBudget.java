package dev.longtail.core.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A fixed token budget B for a version composed by one of the mixing policies, so that campaign arms compare at the
 * same size: records are taken in the campaign's seeded random order ({@link AnchorMixer#order}) while they fit, the
 * version holds at most B tokens and its real records at most {@code anchorRatio} × B.
 * <ul>
 *   <li>{@link AnchorPolicy#REPLACE}: the accepted samples cut to B;</li>
 *   <li>{@link AnchorPolicy#RATIO}: the accepted samples cut to B − ⌊r·B⌋, then the ratio's anchors (drawn as without
 *       a budget, from the kept count) cut to ⌊r·B⌋;</li>
 *   <li>{@link AnchorPolicy#ACCUMULATE_SUBSAMPLE}: the accumulated pool (every generation's accepted samples and the
 *       reference) subsampled to B instead of to the ratio's record count, real records up to ⌊r·B⌋;</li>
 *   <li>{@link AnchorPolicy#ACCUMULATE} ignores the budget: it grows by design (Gerstgrasser et al. 2024).</li>
 * </ul>
 * The tail-preserving policy spends its budget with its own selection
 * ({@code dev.longtail.core.selection.TailPreservingVersion}).
 */
public final class TokenBudget {

    private TokenBudget() {
    }

    /**
     * The version's records under the policy with at most {@code budget} tokens.
     *
     * @param tokens a record's tokens, as the selection counts them
     * @param seed   the campaign's seed for this generation (the one {@link AnchorPolicy#mix} draws with)
     */
    public static <T> AnchorPolicy.Mix<T> mix(AnchorPolicy policy, List<T> current, List<T> earlier, List<T> reference,
            double anchorRatio, long seed, long budget, ToIntFunction<T> tokens) {
        if (budget < 1) {
            throw new IllegalArgumentException("tokenBudget must be >= 1, was " + budget);
        }
        long anchorCap = (long) Math.floor(anchorRatio * budget);
        return switch (policy) {
            case REPLACE -> new AnchorPolicy.Mix<>(fit(current, tokens, budget, seed), List.of());
            case RATIO -> {
                List<T> synthetic = fit(current, tokens, budget - anchorCap, seed);
                int count = AnchorMixer.anchorCount(synthetic.size(), anchorRatio, reference.size());
                List<T> drawn = AnchorMixer.choose(reference, count, seed);
                yield new AnchorPolicy.Mix<>(synthetic, fit(drawn, tokens, anchorCap, seed));
            }
            case ACCUMULATE_SUBSAMPLE -> subsample(current, earlier, reference, seed, budget, anchorCap, tokens);
            case ACCUMULATE -> policy.mix(current, earlier, reference, anchorRatio, seed);
            case TAIL_PRESERVING -> throw new IllegalStateException(
                    "the tail-preserving policy spends its budget with TailPreservingVersion");
        };
    }

    /**
     * The records taken in the seeded random order while they fit in {@code budget} tokens (one that does not fit is
     * skipped, a shorter one after it may still fit), returned in their input order.
     */
    public static <T> List<T> fit(List<T> records, ToIntFunction<T> tokens, long budget, long seed) {
        boolean[] taken = new boolean[records.size()];
        long used = 0;
        for (int i : AnchorMixer.order(records.size(), seed)) {
            int size = tokens.applyAsInt(records.get(i));
            if (used + size <= budget) {
                used += size;
                taken[i] = true;
            }
        }
        return taken(records, taken);
    }

    /** Total tokens of the records. */
    public static <T> long tokens(List<T> records, ToIntFunction<T> tokens) {
        long n = 0;
        for (T record : records) {
            n += tokens.applyAsInt(record);
        }
        return n;
    }

    private static <T> AnchorPolicy.Mix<T> subsample(List<T> current, List<T> earlier, List<T> reference, long seed,
            long budget, long anchorCap, ToIntFunction<T> tokens) {
        List<T> pool = new ArrayList<>(current.size() + earlier.size() + reference.size());
        pool.addAll(current);
        pool.addAll(earlier);
        int syntheticCount = pool.size();
        pool.addAll(reference);
        boolean[] taken = new boolean[pool.size()];
        long used = 0;
        long real = 0;
        for (int i : AnchorMixer.order(pool.size(), seed)) {
            int size = tokens.applyAsInt(pool.get(i));
            boolean isReal = i >= syntheticCount;
            if (used + size > budget || (isReal && real + size > anchorCap)) {
                continue;
            }
            used += size;
            real += isReal ? size : 0;
            taken[i] = true;
        }
        List<T> all = taken(pool, taken);
        int synthetic = 0;
        for (int i = 0; i < syntheticCount; i++) {
            synthetic += taken[i] ? 1 : 0;
        }
        return new AnchorPolicy.Mix<>(List.copyOf(all.subList(0, synthetic)),
                List.copyOf(all.subList(synthetic, all.size())));
    }

    private static <T> List<T> taken(List<T> records, boolean[] taken) {
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < taken.length; i++) {
            if (taken[i]) {
                kept.add(records.get(i));
            }
        }
        return kept;
    }
}
