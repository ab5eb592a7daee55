package dev.longtail.curator.decision;

import dev.longtail.core.curation.SampleVerdict;
import java.util.List;
import java.util.Map;

/** The answer of {@code POST /api/v1/curate}: decisions in request order, with the counts. */
public record CurateResponse(String campaignId, int samples, int accepted, int rejected,
        Map<String, Integer> rejectedByReason, List<VerdictView> decisions) {

    /** The decision on one sample. */
    public record VerdictView(String id, boolean accepted, String reason, String stage, double score, double threshold,
            String duplicateOf, Map<String, Double> scores) {

        static VerdictView of(SampleVerdict v) {
            var d = v.decision();
            return new VerdictView(v.sampleId(), d.accepted(), d.reason() == null ? null : d.reason().name(), d.stage(),
                    d.score(), d.threshold(), v.duplicateOf(), v.scores());
        }
    }
}
