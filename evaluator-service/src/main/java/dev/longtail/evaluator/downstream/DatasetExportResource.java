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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A received dataset version's records as JSONL: where a downstream job downloads the data it trains on, with its
 * scoped token (role {@code dataset-reader}, this version only: {@link DatasetTokens}) or a client token.
 */
@Path("/api/v1/dataset-versions")
public class DatasetExportResource {

    private static final TypeReference<List<DatasetRecord>> RECORDS = new TypeReference<>() {
    };

    private final JsonColumns json;
    private final JsonWebToken caller;

    public DatasetExportResource(JsonColumns json, JsonWebToken caller) {
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/records.jsonl")
    @Produces("application/x-ndjson")
    public String records(@PathParam("id") String id) {
        UUID versionId = Ids.uuid(id, "dataset version id");
        if (!DatasetTokens.allows(caller, versionId)) {
            throw new ProblemException(403, "Forbidden", "This token reads another dataset version's records", null);
        }
        DatasetVersion version = DatasetVersion.findById(versionId);
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
