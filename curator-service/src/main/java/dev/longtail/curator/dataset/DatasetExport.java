package dev.longtail.curator.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.longtail.contracts.Provenance;
import dev.longtail.contracts.RecordSource;
import dev.longtail.curator.decision.SampleDecision;
import dev.longtail.curator.version.DatasetVersion;
import dev.longtail.curator.version.VersionRecord;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a dataset version as JSON Lines (snake_case keys, one record per line) or as Parquet (the same columns,
 * provenance as a nested group, uncompressed: the codecs of parquet-hadoop need Hadoop's native libraries or its
 * full runtime, and dictionary encoding already shrinks the repeated columns).
 */
@ApplicationScoped
public class DatasetExport {

    /** The Parquet schema of an export. */
    public static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("instruction")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("input")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("output")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("category")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("source")
            .required(PrimitiveTypeName.INT32).named("generation")
            .requiredGroup()
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("record_id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("campaign_id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("dataset_version_id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("seed_id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("parent_seed_id")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("operator")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("backend")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("model")
                .optional(PrimitiveTypeName.DOUBLE).named("temperature")
                .optional(PrimitiveTypeName.DOUBLE).named("top_p")
                .named("provenance")
            .named("record");

    private static final ObjectMapper JSONL = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final JsonColumns json;

    public DatasetExport(JsonColumns json) {
        this.json = json;
    }

    /** The version's records as export rows, synthetic ones with their generation's provenance (call in a transaction). */
    public List<ExportRow> rows(DatasetVersion version) {
        List<VersionRecord> records = VersionRecord.ofVersion(version.id);
        List<String> syntheticIds = records.stream().filter(r -> r.source == RecordSource.SYNTHETIC)
                .map(r -> r.recordId).toList();
        Map<String, SampleDecision> decisions = new HashMap<>();
        for (int from = 0; from < syntheticIds.size(); from += 500) {
            List<String> chunk = syntheticIds.subList(from, Math.min(syntheticIds.size(), from + 500));
            for (SampleDecision d : SampleDecision.<SampleDecision>list("sampleId in ?1", chunk)) {
                decisions.put(d.sampleId, d);
            }
        }
        List<ExportRow> rows = new ArrayList<>(records.size());
        for (VersionRecord r : records) {
            boolean synthetic = r.source == RecordSource.SYNTHETIC;
            SampleDecision d = synthetic ? decisions.get(r.recordId) : null;
            Provenance p = d == null || d.provenance == null ? null : json.read(d.provenance, Provenance.class);
            int generation = r.generation != null ? r.generation : synthetic ? version.generation : 0;
            rows.add(new ExportRow(r.instruction, r.input, r.output, r.category, synthetic ? "synthetic" : "real",
                    generation, new ExportRow.Provenance(r.recordId, version.campaignId, version.id.toString(), r.seedId,
                    r.parentSeedId, r.operator, p == null ? null : p.backend(), p == null ? null : p.model(),
                    p == null ? null : p.temperature(), p == null ? null : p.topP())));
        }
        return rows;
    }

    /** One JSON object per line, UTF-8, "\n" after every record. */
    public void writeJsonl(List<ExportRow> rows, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (ExportRow row : rows) {
            writer.write(JSONL.writeValueAsString(row));
            writer.write('\n');
        }
        writer.flush();
    }

    /** A Parquet file with {@link #SCHEMA}, written straight to the stream. */
    public void writeParquet(List<ExportRow> rows, OutputStream out) throws IOException {
        try (ParquetWriter<ExportRow> writer = new Builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (ExportRow row : rows) {
                writer.write(row);
            }
        }
    }

    private static final class Builder extends ParquetWriter.Builder<ExportRow, Builder> {
        Builder(OutputFile file) {
            super(file);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ExportRow> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport();
        }

        @Override
        protected WriteSupport<ExportRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriteSupport();
        }
    }

    /** Writes one row as a Parquet record. */
    private static final class RowWriteSupport extends WriteSupport<ExportRow> {
        private RecordConsumer consumer;

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return new WriteContext(SCHEMA, Map.of("longtail.layout", "huggingface-datasets"));
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(SCHEMA, Map.of("longtail.layout", "huggingface-datasets"));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(ExportRow row) {
            consumer.startMessage();
            string("instruction", 0, row.instruction());
            string("input", 1, row.input());
            string("output", 2, row.output());
            string("category", 3, row.category());
            string("source", 4, row.source());
            consumer.startField("generation", 5);
            consumer.addInteger(row.generation());
            consumer.endField("generation", 5);
            consumer.startField("provenance", 6);
            consumer.startGroup();
            var p = row.provenance();
            string("record_id", 0, p.recordId());
            string("campaign_id", 1, p.campaignId());
            string("dataset_version_id", 2, p.datasetVersionId());
            string("seed_id", 3, p.seedId());
            string("parent_seed_id", 4, p.parentSeedId());
            string("operator", 5, p.operator());
            string("backend", 6, p.backend());
            string("model", 7, p.model());
            number("temperature", 8, p.temperature());
            number("top_p", 9, p.topP());
            consumer.endGroup();
            consumer.endField("provenance", 6);
            consumer.endMessage();
        }

        private void string(String field, int index, String value) {
            if (value == null) {
                return;
            }
            consumer.startField(field, index);
            consumer.addBinary(Binary.fromString(value));
            consumer.endField(field, index);
        }

        private void number(String field, int index, Double value) {
            if (value == null) {
                return;
            }
            consumer.startField(field, index);
            consumer.addDouble(value);
            consumer.endField(field, index);
        }
    }

    /** A Parquet output file over an HTTP response stream: Parquet writes sequentially and only needs the position. */
    private static final class StreamOutputFile implements OutputFile {
        private final OutputStream out;

        StreamOutputFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
