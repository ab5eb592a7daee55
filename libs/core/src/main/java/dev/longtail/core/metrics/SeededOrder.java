package dev.longtail.core.metrics;

import dev.longtail.core.random.SeedMixer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded random order of 0..size−1, the one way the metrics draw samples that replay exactly. */
final class SeededOrder {

    private SeededOrder() {
    }

    /** 0..size−1 shuffled by a generator that depends only on the seed and the purpose. */
    static List<Integer> of(int size, long seed, String purpose) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SeedMixer.derive(seed, purpose)));
        return order;
    }

    /** The first {@code count} (at most size) of that order. */
    static List<Integer> sample(int size, int count, long seed, String purpose) {
        return of(size, seed, purpose).subList(0, Math.min(size, count));
    }
}
