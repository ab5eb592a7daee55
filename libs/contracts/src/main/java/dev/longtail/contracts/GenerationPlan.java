package dev.longtail.contracts;

/**
 * Everything one generation runs with. The evolver writes it, applying the evaluator's adjustments; it
 * travels with the data (seeds, samples, dataset version) so that every service sees the same plan.
 * {@code backend} (added within schema version 1) names the generator backend the campaign chose when it started;
 * null means the generator's default.
 */
public record GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation,
        @AddedProperty String backend) {

    /** A plan on the generator's default backend. */
    public GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation) {
        this(inBreadthShare, sampling, curation, null);
    }
}
