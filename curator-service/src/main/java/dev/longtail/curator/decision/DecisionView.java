package dev.longtail.curator.decision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A decision on one sample as the REST API shows it: status and the evidence behind it (deciding stage, score,
 * threshold, the accepted sample it duplicates, and the score of every novelty stage that ran).
 */
public record DecisionView(String sampleId, String campaignId, int generation, String status, String reason,
        String stage, Double score, Double threshold, String duplicateOf, Map<String, Double> scores) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {
    };

    public static DecisionView of(SampleDecision d) {
        Map<String, Double> scores;
        try {
            scores = d.scores == null ? Map.of() : MAPPER.readValue(d.scores, SCORES);
        } catch (Exception e) {
            throw new IllegalStateException("decision " + d.sampleId + " has unreadable scores", e);
        }
        return new DecisionView(d.sampleId, d.campaignId, d.generation, d.status.name(), d.reason, d.stage, d.score,
                d.threshold, d.duplicateOf, scores);
    }
}
