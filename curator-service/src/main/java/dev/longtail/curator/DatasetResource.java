package dev.longtail.curator;

import dev.longtail.support.JsonColumns;
import dev.longtail.support.Ids;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.support.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read access to sealed dataset versions and their records. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };

    /** Media type of JSON Lines exports. */
    public static final String JSONL = "application/x-ndjson";
    /** Media type of Parquet exports. */
    public static final String PARQUET = "application/vnd.apache.parquet";

    /** Counts of a version's decisions by status, rejection reason and deciding stage. */
    public record Counts(java.util.UUID id, int generation, Map<String, Integer> byStatus,
            Map<String, Integer> rejectedByReason, Map<String, Integer> rejectedByStage) {
    }

    private final JsonColumns json;
    private final DatasetExport export;

    public DatasetResource(JsonColumns json, DatasetExport export) {
        this.json = json;
        this.export = export;
    }

    /** The campaign's dataset versions in generation order (empty until the first is sealed). */
    @GET
    public List<DatasetView> list(@QueryParam("campaignId") String campaignId) {
        if (campaignId == null || campaignId.isBlank()) {
            throw ProblemException.badRequest("query parameter campaignId is required");
        }
        String id = Ids.uuid(campaignId, "campaignId").toString();
        return DatasetVersion.ofCampaign(id).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public DatasetView get(@PathParam("id") String id) {
        return view(find(id));
    }

    @GET
    @Path("/{id}/records")
    public List<DatasetRecord> records(@PathParam("id") String id) {
        return VersionRecord.ofVersion(find(id).id).stream().map(VersionRecord::toContract).toList();
    }

    /** The decisions of the version's generation, counted by status, reason and stage. */
    @GET
    @Path("/{id}/counts")
    public Counts counts(@PathParam("id") String id) {
        DatasetVersion version = find(id);
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        Map<String, Integer> byStage = new TreeMap<>();
        for (SampleDecision d : SampleDecision.ofGeneration(version.campaignId, version.generation)) {
            byStatus.merge(d.status.name(), 1, Integer::sum);
            if (d.status == SampleDecision.Status.REJECTED) {
                byReason.merge(d.reason, 1, Integer::sum);
                byStage.merge(d.stage, 1, Integer::sum);
            }
        }
        return new Counts(version.id, version.generation, byStatus, byReason, byStage);
    }

    /** The decisions of the version's generation, one per sample. */
    @GET
    @Path("/{id}/decisions")
    public List<DecisionView> decisions(@PathParam("id") String id) {
        DatasetVersion version = find(id);
        return SampleDecision.ofGeneration(version.campaignId, version.generation).stream().map(DecisionView::of).toList();
    }

    /**
     * The version as a file the Hugging Face {@code datasets} library loads: {@code format=jsonl} (default) or
     * {@code parquet}; one record per line/row with instruction, input, output, category, source, generation and
     * provenance.
     */
    @GET
    @Path("/{id}/export")
    @Produces({JSONL, PARQUET, MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        String f = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("jsonl") && !f.equals("parquet")) {
            throw ProblemException.badRequest("format must be jsonl or parquet, was " + format);
        }
        DatasetVersion version = find(id);
        List<ExportRow> rows = export.rows(version);
        String name = "longtail-" + version.campaignId + "-g" + version.generation + "." + f;
        StreamingOutput body = f.equals("jsonl") ? out -> export.writeJsonl(rows, out) : out -> export.writeParquet(rows, out);
        return Response.ok(body, f.equals("jsonl") ? JSONL : PARQUET)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static DatasetVersion find(String id) {
        DatasetVersion version = DatasetVersion.findById(Ids.uuid(id, "id"));
        if (version == null) {
            throw ProblemException.notFound("dataset version", id);
        }
        return version;
    }

    private DatasetView view(DatasetVersion v) {
        return new DatasetView(v.id, v.campaignId, v.generation, v.generated, v.accepted, v.rejected, v.failed,
                json.read(v.rejectedByReason, REASON_COUNTS), v.anchorPolicy,
                json.read(v.leftOutByReason, REASON_COUNTS), v.syntheticRecords, v.anchorRecords,
                v.syntheticRecords + v.anchorRecords, v.sealedAt);
    }
}
