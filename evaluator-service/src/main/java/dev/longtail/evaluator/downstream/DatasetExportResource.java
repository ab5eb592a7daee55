package dev.longtail.evaluator.downstream;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.evaluator.evaluation.DatasetVersion;
import dev.longtail.support.Ids;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;

/** A received dataset version's records as JSONL: where a downstream job downloads the data it trains on. */
@Path("/api/v1/dataset-versions")
public class DatasetExportResource {

    private static final TypeReference<List<DatasetRecord>> RECORDS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public DatasetExportResource(JsonColumns json) {
        this.json = json;
    }

    @GET
    @Path("/{id}/records.jsonl")
    @Produces("application/x-ndjson")
    public String records(@PathParam("id") String id) {
        DatasetVersion version = DatasetVersion.findById(Ids.uuid(id, "dataset version id"));
        if (version == null) {
            throw ProblemException.notFound("dataset version", id);
        }
        StringBuilder out = new StringBuilder();
        for (DatasetRecord r : json.read(version.records, RECORDS)) {
            out.append(json.write(r)).append('\n');
        }
        return out.toString();
    }
}
