package dev.longtail.contracts;

/**
 * The services' messaging channel names, one per loop topic (configured as {@code mp.messaging.*.<channel>.topic}),
 * declared once so that producers, consumers and tests cannot drift apart.
 */
public final class Channels {

    /** {@link Topics#CAMPAIGNS_STARTED}: out of the evolver, into the curator and the evaluator. */
    public static final String CAMPAIGNS_STARTED = "campaigns-started";
    /** {@link Topics#SEEDS_EVOLVED}: out of the evolver, into the generator. */
    public static final String SEEDS_EVOLVED = "seeds-evolved";
    /** {@link Topics#SAMPLES_GENERATED}: out of the generator, into the curator. */
    public static final String SAMPLES_GENERATED = "samples-generated";
    /** {@link Topics#DATASETS_SEALED}: out of the curator, into the evaluator and the evolver. */
    public static final String DATASETS_SEALED = "datasets-sealed";
    /** {@link Topics#EVALUATIONS_COMPLETED}: out of the evaluator, into the evolver. */
    public static final String EVALUATIONS_COMPLETED = "evaluations-completed";

    private Channels() {
    }
}
