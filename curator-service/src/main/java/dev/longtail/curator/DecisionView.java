package dev.longtail.curator;

/** A decision on one sample as the REST API shows it: status and the evidence behind it. */
public record DecisionView(String sampleId, String campaignId, int generation, String status, String reason,
        String stage, Double score, Double threshold) {

    static DecisionView of(SampleDecision d) {
        return new DecisionView(d.sampleId, d.campaignId, d.generation, d.status.name(), d.reason, d.stage, d.score,
                d.threshold);
    }
}
