package dev.longtail.contracts;

/**
 * Everything one generation runs with. The evolver writes it, applying the evaluator's adjustments; it
 * travels with the data (seeds, samples, dataset version) so that every service sees the same plan.
 */
public record GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation) {
}
