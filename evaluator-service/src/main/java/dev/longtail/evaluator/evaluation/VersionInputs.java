package dev.longtail.evaluator.evaluation;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.GenerationPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What evaluating one dataset version needs, read in one transaction so that the measurement runs outside any.
 *
 * @param generationZero  the reference's metrics; null for a reference stored before V2 (then measured with the version)
 * @param previous        the previous generation's metrics; null for generation 1
 * @param firstGeneration generation 1's metrics; null for generation 1
 */
public record VersionInputs(ReferenceSeeds reference, Map<String, Double> generationZero, UUID versionId,
        int generation, List<DatasetRecord> records, GenerationPlan plan, Map<String, Double> previous,
        Map<String, Double> firstGeneration) {
}
