package dev.longtail.evaluator.evaluation;

import dev.longtail.core.feedback.Assessment;
import dev.longtail.core.metrics.CollapseMeasurement;
import java.util.UUID;

/**
 * A dataset version measured and judged, ready to be saved as its evaluation.
 *
 * @param referenceMeasured the reference's measurement when its row had none yet (stored before V2), else null
 */
public record MeasuredVersion(UUID versionId, int generation, CollapseMeasurement measured, Assessment assessment,
        CollapseMeasurement referenceMeasured) {
}
