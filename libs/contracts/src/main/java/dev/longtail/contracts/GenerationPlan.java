package dev.longtail.contracts;

/**
 * Everything one generation runs with. The evolver writes it, applying the evaluator's adjustments; it
 * travels with the data (seeds, samples, dataset version) so that every service sees the same plan.
 * Added within schema version 1: {@code backend} names the generator backend the campaign chose when it started
 * (null: the generator's default); {@code feedback} says whether the evaluator's adjustments are applied to the
 * next plan (null: yes; a control arm turns it off); {@code candidateFactor} is how many samples are generated per
 * record the version keeps (null: 1).
 */
public record GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation,
        @AddedProperty String backend, @AddedProperty Boolean feedback, @AddedProperty Integer candidateFactor) {

    /** A plan on the generator's default backend. */
    public GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation) {
        this(inBreadthShare, sampling, curation, null);
    }

    /** A plan on the given backend, with feedback on and one sample per kept record. */
    public GenerationPlan(double inBreadthShare, SamplingParameters sampling, CurationPolicy curation, String backend) {
        this(inBreadthShare, sampling, curation, backend, null, null);
    }

    /** Whether the evaluator's adjustments reach the next generation's plan. */
    public boolean feedbackOn() {
        return feedback == null || feedback;
    }

    /** Samples generated per record the version keeps (at least 1). */
    public int candidatesPerRecord() {
        return candidateFactor == null ? 1 : Math.max(1, candidateFactor);
    }
}
