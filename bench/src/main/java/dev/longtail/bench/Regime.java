package dev.longtail.bench;

import dev.longtail.core.lm.KneserNeyModel;
import java.util.SplittableRandom;

/**
 * One way of building each generation's training set from the previous generation's model: the published
 * baselines and Longtail's own policy. A regime keeps whatever state it needs between generations; a fresh
 * instance starts a fresh run.
 */
public interface Regime {

    /** The regime's name in the outputs. */
    String name();

    /** The training set of generation {@code generation} (1-based), sampling from {@code previous}. */
    TrainingSet next(int generation, KneserNeyModel previous, SplittableRandom random);
}
