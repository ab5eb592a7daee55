package dev.longtail.curator.dataset;

/**
 * One record of an exported dataset version, in the layout the Hugging Face {@code datasets} library loads
 * ({@code load_dataset("json", ...)} or {@code ("parquet", ...)}): the instruction triple, category, whether it is
 * real or synthetic, the generation it comes from (0 for real data), and its provenance.
 */
public record ExportRow(String instruction, String input, String output, String category, String source, int generation,
        Provenance provenance) {

    /** Where the record comes from; generation parameters are null for real records. */
    public record Provenance(String recordId, String campaignId, String datasetVersionId, String seedId,
            String parentSeedId, String operator, String backend, String model, Double temperature, Double topP) {
    }
}
