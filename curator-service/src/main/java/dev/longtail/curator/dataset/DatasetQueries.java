package dev.longtail.curator.dataset;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.curator.decision.DecisionView;
import dev.longtail.curator.decision.SampleDecision;
import dev.longtail.curator.version.DatasetVersion;
import dev.longtail.curator.version.VersionRecord;
import dev.longtail.support.Ids;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads sealed dataset versions: their summaries, records, decisions and counts, and the rows of an export. */
@ApplicationScoped
public class DatasetQueries {

    private static final TypeReference<Map<String, Integer>> REASON_COUNTS = new TypeReference<>() {
    };

    /** Counts of a version's decisions by status, rejection reason and deciding stage. */
    public record Counts(UUID id, int generation, Map<String, Integer> byStatus,
            Map<String, Integer> rejectedByReason, Map<String, Integer> rejectedByStage) {
    }

    /** A version's export: a file name stem and its rows. */
    public record Export(String name, List<ExportRow> rows) {
    }

    private final JsonColumns json;
    private final DatasetExport export;

    public DatasetQueries(JsonColumns json, DatasetExport export) {
        this.json = json;
        this.export = export;
    }

    /** The campaign's dataset versions in generation order (empty until the first is sealed). */
    @Transactional
    public List<DatasetView> ofCampaign(String campaignId) {
        String id = Ids.uuid(campaignId, "campaignId").toString();
        return DatasetVersion.ofCampaign(id).stream().map(this::view).toList();
    }

    @Transactional
    public DatasetView get(String id) {
        return view(find(id));
    }

    @Transactional
    public List<DatasetRecord> records(String id) {
        return VersionRecord.ofVersion(find(id).id).stream().map(VersionRecord::toContract).toList();
    }

    /** The decisions of the version's generation, counted by status, reason and stage. */
    @Transactional
    public Counts counts(String id) {
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
    @Transactional
    public List<DecisionView> decisions(String id) {
        DatasetVersion version = find(id);
        return SampleDecision.ofGeneration(version.campaignId, version.generation).stream().map(DecisionView::of).toList();
    }

    /** The version's rows for an export, named after its campaign and generation. */
    @Transactional
    public Export export(String id) {
        DatasetVersion version = find(id);
        return new Export("longtail-" + version.campaignId + "-g" + version.generation, export.rows(version));
    }

    private static DatasetVersion find(String id) {
        DatasetVersion version = DatasetVersion.findById(Ids.uuid(id, "id"));
        if (version == null) {
            throw ProblemException.notFound("dataset version", id);
        }
        return version;
    }

    private DatasetView view(DatasetVersion v) {
        GenerationPlan plan = json.read(v.plan, GenerationPlan.class);
        var arm = new DatasetView.Arm(v.anchorPolicy, v.anchorPolicySource, plan.curation().anchorRatio(), v.keepShare,
                v.carryOver, v.tokenBudget);
        Long tokens = v.syntheticTokens == null || v.anchorTokens == null ? null : v.syntheticTokens + v.anchorTokens;
        return new DatasetView(v.id, v.campaignId, v.generation, v.generated, v.accepted, v.rejected, v.failed,
                json.read(v.rejectedByReason, REASON_COUNTS), v.anchorPolicy, arm,
                json.read(v.leftOutByReason, REASON_COUNTS), v.syntheticRecords, v.carriedRecords, v.anchorRecords,
                v.syntheticRecords + v.anchorRecords, v.syntheticTokens, v.carriedTokens, v.anchorTokens, tokens,
                v.sealedAt);
    }
}
