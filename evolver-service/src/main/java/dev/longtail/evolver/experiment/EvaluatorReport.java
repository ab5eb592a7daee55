package dev.longtail.evolver.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.longtail.core.experiment.CampaignMeasurements;
import dev.longtail.core.experiment.Measurement;

/**
 * What the evolver reads of the evaluator's campaign report ({@code GET /api/v1/campaigns/{id}/report}, built by the
 * evaluator's {@code CampaignReport}): the reference's metrics (generation 0) and each evaluated generation's metrics
 * and verdict. Everything else in it is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluatorReport(String campaignId, int generations, int completedGenerations, boolean complete,
        Reference reference, List<Row> rows) {

    /** The real reference seeds' own metrics. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(Metrics metrics) {
    }

    /** One evaluated generation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(int generation, Metrics metrics, String verdict) {
    }

    /** The loop metrics the experiment compares. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(double heldOutPerplexity, double tailCoverage, double distinct2, double meanWords) {

        Measurement measurement(String verdict) {
            return new Measurement(heldOutPerplexity, tailCoverage, distinct2, meanWords, verdict);
        }
    }

    /** The campaign's measurements for the comparison, as the campaign with this random seed. */
    public CampaignMeasurements measurements(long randomSeed) {
        Map<Integer, Measurement> measured = new HashMap<>();
        for (Row row : rows == null ? List.<Row>of() : rows) {
            if (row != null && row.metrics() != null) {
                measured.put(row.generation(), row.metrics().measurement(row.verdict()));
            }
        }
        Measurement generation0 = reference == null || reference.metrics() == null ? null
                : reference.metrics().measurement(null);
        return new CampaignMeasurements(randomSeed, generation0, measured);
    }
}
