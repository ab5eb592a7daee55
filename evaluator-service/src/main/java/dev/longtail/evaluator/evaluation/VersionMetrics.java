package dev.longtail.evaluator.evaluation;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.metrics.CorpusText;
import java.util.List;

/**
 * Glue between records and the core's metrics (pure, no framework): a record's text is its instruction, input
 * and output joined by spaces, tokenised by the shared tokeniser, with the record's category. The measurements
 * themselves are {@link dev.longtail.core.metrics.CollapseBaseline}'s.
 */
public final class VersionMetrics {

    private VersionMetrics() {
    }

    /** Seeds as texts for the collapse metrics: instruction, input and output joined, with their category. */
    public static List<CorpusText> seedCorpus(List<SeedRecord> seeds) {
        return seeds.stream().map(s -> CorpusText.of(join(s.instruction(), s.input(), s.output()), s.category())).toList();
    }

    /** Records as texts for the collapse metrics. */
    public static List<CorpusText> recordCorpus(List<DatasetRecord> records) {
        return records.stream().map(r -> CorpusText.of(join(r.instruction(), r.input(), r.output()), r.category())).toList();
    }

    /** The version's synthetic records: anchors (real reference records) left out. */
    public static List<DatasetRecord> synthetic(List<DatasetRecord> records) {
        return records.stream().filter(r -> r.source() == RecordSource.SYNTHETIC).toList();
    }

    /** The text of a record: instruction, input and output joined by spaces (null parts count as empty). */
    public static String join(String instruction, String input, String output) {
        return nullToEmpty(instruction) + " " + nullToEmpty(input) + " " + nullToEmpty(output);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
