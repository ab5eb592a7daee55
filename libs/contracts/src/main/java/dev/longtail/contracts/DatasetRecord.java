package dev.longtail.contracts;

/** One record of a dataset version, with its provenance. */
public record DatasetRecord(
        String recordId,
        RecordSource source,
        String seedId,
        String parentSeedId,
        String operator,
        String category,
        String instruction,
        String input,
        String output) {
}
