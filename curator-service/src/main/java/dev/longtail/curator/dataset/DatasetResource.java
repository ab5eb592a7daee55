package dev.longtail.curator.dataset;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.curator.decision.DecisionView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;

/** Read access to sealed dataset versions ({@link DatasetQueries}) and their exports ({@link DatasetExport}). */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    /** Media type of JSON Lines exports. */
    public static final String JSONL = "application/x-ndjson";
    /** Media type of Parquet exports. */
    public static final String PARQUET = "application/vnd.apache.parquet";

    private final DatasetQueries datasets;
    private final DatasetExport export;

    public DatasetResource(DatasetQueries datasets, DatasetExport export) {
        this.datasets = datasets;
        this.export = export;
    }

    /** The campaign's dataset versions in generation order (empty until the first is sealed). */
    @GET
    public List<DatasetView> list(@QueryParam("campaignId") @NotBlank(message = "is required") String campaignId) {
        return datasets.ofCampaign(campaignId);
    }

    @GET
    @Path("/{id}")
    public DatasetView get(@PathParam("id") String id) {
        return datasets.get(id);
    }

    @GET
    @Path("/{id}/records")
    public List<DatasetRecord> records(@PathParam("id") String id) {
        return datasets.records(id);
    }

    /** The decisions of the version's generation, counted by status, reason and stage. */
    @GET
    @Path("/{id}/counts")
    public DatasetQueries.Counts counts(@PathParam("id") String id) {
        return datasets.counts(id);
    }

    /** The decisions of the version's generation, one per sample. */
    @GET
    @Path("/{id}/decisions")
    public List<DecisionView> decisions(@PathParam("id") String id) {
        return datasets.decisions(id);
    }

    /**
     * The version as a file the Hugging Face {@code datasets} library loads: {@code format=jsonl} (default) or
     * {@code parquet}; one record per line/row with instruction, input, output, category, source, generation and
     * provenance.
     */
    @GET
    @Path("/{id}/export")
    @Produces({JSONL, PARQUET, MediaType.APPLICATION_JSON})
    public Response export(@PathParam("id") String id, @QueryParam("format")
            @Pattern(regexp = "(?i)jsonl|parquet", message = "must be jsonl or parquet") String format) {
        String f = format == null ? "jsonl" : format.toLowerCase(Locale.ROOT);
        var version = datasets.export(id);
        StreamingOutput body = f.equals("jsonl") ? out -> export.writeJsonl(version.rows(), out)
                : out -> export.writeParquet(version.rows(), out);
        return Response.ok(body, f.equals("jsonl") ? JSONL : PARQUET)
                .header("Content-Disposition", "attachment; filename=\"" + version.name() + "." + f + "\"")
                .build();
    }
}
