package dev.longtail.evaluator.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.Adjustment;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON columns of the evaluator's rows: every metric (the six loop metrics for a row stored before the
 * richer ones), the reasons and the adjustments of an evaluation.
 */
@ApplicationScoped
public class EvaluationColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Adjustment>> ADJUSTMENTS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public EvaluationColumns(JsonColumns json) {
        this.json = json;
    }

    /** Every metric of an evaluation; the six loop metrics for an evaluation stored before the richer ones. */
    public Map<String, Double> values(Evaluation evaluation) {
        CollapseMeasurement measured = measurement(evaluation);
        return measured != null ? measured.values() : evaluation.measured.values();
    }

    /** Every metric of the reference (generation 0); the six loop metrics for a reference stored before V2. */
    public Map<String, Double> values(CampaignReference reference) {
        CollapseMeasurement measured = measurement(reference);
        return measured != null ? measured.values() : reference.measured.values();
    }

    /** The evaluation's full measurement, or null for a row stored before V2. */
    public CollapseMeasurement measurement(Evaluation evaluation) {
        return read(evaluation.collapseMetrics);
    }

    /** The reference's full measurement, or null for a row stored before V2. */
    public CollapseMeasurement measurement(CampaignReference reference) {
        return read(reference.collapseMetrics);
    }

    public List<String> reasons(Evaluation evaluation) {
        return json.read(evaluation.reasons, STRINGS);
    }

    public List<Adjustment> adjustments(Evaluation evaluation) {
        return json.read(evaluation.adjustments, ADJUSTMENTS);
    }

    private CollapseMeasurement read(String column) {
        return column == null ? null : json.read(column, CollapseMeasurement.class);
    }
}
