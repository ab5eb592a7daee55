package dev.longtail.core.evolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Splits real seeds into the reference (trained on, evolved and anchored with) and a held-out part that
 * only the evaluator reads. Stratified per category so that the held-out part covers the categories,
 * while categories with fewer than 3 seeds stay whole in the reference: rare categories are the tail we
 * protect, and they must stay trainable and anchorable.
 */
public final class ReferenceSplit {

    /** Smallest category that gives seeds to the held-out part. */
    public static final int MIN_CATEGORY_SIZE_FOR_HOLD_OUT = 3;

    /** The two parts of a split, each in the order of the input seeds. */
    public record Split(List<Seed> reference, List<Seed> heldOut) {

        /** Copies the lists so a split cannot change after it is made. */
        public Split {
            reference = List.copyOf(reference);
            heldOut = List.copyOf(heldOut);
        }
    }

    private ReferenceSplit() {
    }

    /**
     * Per category of n &ge; 3 seeds, max(1, round(heldOutShare·n)) seeds chosen at random (seeded) go to
     * held-out, but never all of them (at least one stays in the reference). Deterministic for a given seed
     * list and random seed; both parts keep the input order.
     */
    public static Split split(List<Seed> seeds, double heldOutShare, long randomSeed) {
        if (!(heldOutShare >= 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("heldOutShare must be in [0, 1), was " + heldOutShare);
        }
        Map<String, List<Integer>> byCategory = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (int i = 0; i < seeds.size(); i++) {
            byCategory.computeIfAbsent(seeds.get(i).category(), c -> new ArrayList<>()).add(i);
        }
        boolean[] heldOut = new boolean[seeds.size()];
        SplittableRandom random = new SplittableRandom(randomSeed);
        if (heldOutShare > 0) {
            for (List<Integer> members : byCategory.values()) {
                int n = members.size();
                if (n < MIN_CATEGORY_SIZE_FOR_HOLD_OUT) {
                    continue;
                }
                int take = (int) Math.min(n - 1, Math.max(1, Math.round(heldOutShare * n)));
                List<Integer> shuffled = new ArrayList<>(members);
                for (int i = 0; i < take; i++) {
                    int j = i + random.nextInt(n - i);
                    Integer t = shuffled.get(i);
                    shuffled.set(i, shuffled.get(j));
                    shuffled.set(j, t);
                    heldOut[shuffled.get(i)] = true;
                }
            }
        }
        List<Seed> reference = new ArrayList<>();
        List<Seed> held = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            (heldOut[i] ? held : reference).add(seeds.get(i));
        }
        return new Split(reference, held);
    }
}
