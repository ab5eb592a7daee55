package dev.longtail.curator.version;

import dev.longtail.contracts.RecordSource;
import dev.longtail.contracts.SeedRecord;
import dev.longtail.core.curation.CurationSample;
import dev.longtail.core.text.Tokenizer;
import dev.longtail.curator.decision.SampleDecision;
import java.util.UUID;

/**
 * What a dataset version can be composed of: an accepted synthetic sample or a real reference seed, with the
 * fields its record keeps.
 *
 * @param generation the generation the record comes from (0 for real data)
 */
public record VersionCandidate(String recordId, RecordSource source, String seedId, String parentSeedId,
        String operator, String category, String instruction, String input, String output, int generation) {

    /** An accepted sample of the campaign. */
    public static VersionCandidate synthetic(SampleDecision d) {
        return new VersionCandidate(d.sampleId, RecordSource.SYNTHETIC, d.seedId, d.parentSeedId, d.operator,
                d.category, d.instruction, d.input, d.output, d.generation);
    }

    /** A real seed of the campaign's reference. */
    public static VersionCandidate real(SeedRecord seed) {
        return new VersionCandidate(seed.seedId(), RecordSource.REAL, seed.seedId(), null, null, seed.category(),
                seed.instruction(), seed.input(), seed.output(), 0);
    }

    /**
     * A synthetic record of an earlier version, carried over as it is: its record id, lineage and generation stay
     * those of the sample it was (its provenance is that sample's decision). A record stored before generations
     * were recorded takes its version's.
     */
    public static VersionCandidate carried(VersionRecord r, int versionGeneration) {
        return new VersionCandidate(r.recordId, r.source, r.seedId, r.parentSeedId, r.operator, r.category,
                r.instruction, r.input, r.output, r.generation == null ? versionGeneration : r.generation);
    }

    /** The text the tail-preserving selection profiles: instruction, input and output. */
    public String fullText() {
        return new CurationSample(recordId, instruction, input, output).fullText();
    }

    /** The record's tokens, counted as the tail-preserving selection counts them (its full text, tokenized). */
    public int tokens() {
        return Tokenizer.tokenize(fullText()).size();
    }

    /** The record at a position of a version. */
    VersionRecord toRecord(UUID versionId, int position) {
        var record = new VersionRecord();
        record.datasetVersionId = versionId;
        record.position = position;
        record.recordId = recordId;
        record.source = source;
        record.seedId = seedId;
        record.parentSeedId = parentSeedId;
        record.operator = operator;
        record.category = category;
        record.instruction = instruction;
        record.input = input;
        record.output = output;
        record.generation = generation;
        return record;
    }
}
