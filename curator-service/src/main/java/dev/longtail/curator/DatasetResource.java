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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read access to sealed dataset versions and their records. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };

    private final JsonColumns json;

    public DatasetResource(JsonColumns json) {
        this.json = json;
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

    private static DatasetVersion find(String id) {
        DatasetVersion version = DatasetVersion.findById(Ids.uuid(id, "id"));
        if (version == null) {
            throw ProblemException.notFound("dataset version", id);
        }
        return version;
    }

    private DatasetView view(DatasetVersion v) {
        return new DatasetView(v.id, v.campaignId, v.generation, v.generated, v.accepted, v.rejected, v.failed,
                json.read(v.rejectedByReason, REASON_COUNTS), v.anchorRecords, v.accepted + v.anchorRecords, v.sealedAt);
    }
}
