package dev.longtail.core.curation;

import java.util.Map;

/**
 * The chain's decision on one sample: the deciding stage with its score and threshold ({@link Decision}), the
 * accepted sample it duplicates (for duplicate stages), and the score of every stage that ran, by stage name.
 */
public record SampleVerdict(String sampleId, Decision decision, String duplicateOf, Map<String, Double> scores) {

    public boolean accepted() {
        return decision.accepted();
    }
}
