package dev.longtail.contracts;

import java.util.List;

/** The Kafka topics of the loop; every record on them is keyed by its campaign id. */
public final class Topics {

    /** Evolver → curator, evaluator: a campaign and its real reference seeds. */
    public static final String CAMPAIGNS_STARTED = "longtail.campaigns.started";
    /** Evolver → generator: the evolved seeds and the plan of one generation. */
    public static final String SEEDS_EVOLVED = "longtail.seeds.evolved";
    /** Generator → curator: one sample per evolved seed, generated or failed. */
    public static final String SAMPLES_GENERATED = "longtail.samples.generated";
    /** Curator → evaluator, evolver: a sealed dataset version. */
    public static final String DATASETS_SEALED = "longtail.datasets.sealed";
    /** Evaluator → evolver: metrics, verdict and adjustments of one generation. */
    public static final String EVALUATIONS_COMPLETED = "longtail.evaluations.completed";

    /** Dead-letter topic of a consuming service: records it could not process, with the reason. */
    public static String deadLetter(String service) {
        return "longtail.dlq." + service;
    }

    /** The services that consume, each with a dead-letter topic of its own. */
    public static final List<String> CONSUMING_SERVICES = List.of("evolver", "generator", "curator", "evaluator");

    /** Every topic the devstack creates. */
    public static List<String> all() {
        var topics = new java.util.ArrayList<>(List.of(
                CAMPAIGNS_STARTED, SEEDS_EVOLVED, SAMPLES_GENERATED, DATASETS_SEALED, EVALUATIONS_COMPLETED));
        CONSUMING_SERVICES.forEach(service -> topics.add(deadLetter(service)));
        return List.copyOf(topics);
    }

    private Topics() {
    }
}
