package dev.longtail.evaluator.downstream;

import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.EvaluationColumns;
import dev.longtail.evaluator.report.CampaignGauges;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The downstream jobs' rows, each change in a transaction of its own (the callers talk to Kubernetes between
 * them, outside any): record a job before it is created, list the open ones, record how one ended.
 */
@ApplicationScoped
public class DownstreamJobRecords {

    private static final Logger LOG = Logger.getLogger(DownstreamJobRecords.class);
    /** Prefix of the downstream numbers among an evaluation's metrics. */
    public static final String METRIC_PREFIX = "downstream.";

    /** A job recorded and not created yet, with the dataset version it evaluates. */
    public record NewJob(DownstreamJob row, UUID datasetVersionId) {
    }

    private final EvaluatorConfig config;
    private final JsonColumns json;
    private final EvaluationColumns columns;
    private final CampaignGauges gauges;

    public DownstreamJobRecords(EvaluatorConfig config, JsonColumns json, EvaluationColumns columns,
            CampaignGauges gauges) {
        this.config = config;
        this.json = json;
        this.columns = columns;
        this.gauges = gauges;
    }

    /** Records the evaluation's job once; empty when it was recorded before or the evaluation is unknown. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<NewJob> record(UUID evaluationId) {
        if (DownstreamJob.ofEvaluation(evaluationId).isPresent()) {
            return Optional.empty();
        }
        Evaluation e = Evaluation.findById(evaluationId);
        if (e == null) {
            return Optional.empty();
        }
        var cfg = config.downstream();
        var row = new DownstreamJob();
        row.id = UUID.randomUUID();
        row.evaluationId = e.id;
        row.campaignId = e.campaignId;
        row.generation = e.generation;
        row.namespace = cfg.namespace();
        row.jobName = jobName(e);
        row.status = DownstreamJob.Status.SUBMITTED;
        row.submittedAt = Instant.now();
        row.deadline = row.submittedAt.plus(cfg.timeout());
        row.persist();
        return Optional.of(new NewJob(row, e.datasetVersionId));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<DownstreamJob> open() {
        return DownstreamJob.open();
    }

    /** Records the outcome of a job still open; a result is folded into the evaluation's metrics and gauges. */
    @Transactional(TxType.REQUIRES_NEW)
    public void finish(UUID id, DownstreamJob.Status status, String detail, Map<String, Double> result) {
        DownstreamJob row = DownstreamJob.findById(id);
        if (row == null || row.status != DownstreamJob.Status.SUBMITTED) {
            return;
        }
        row.status = status;
        row.detail = detail;
        row.result = result == null ? null : json.write(result);
        row.finishedAt = Instant.now();
        Evaluation evaluation = Evaluation.findById(row.evaluationId);
        CollapseMeasurement m = evaluation == null ? null : columns.measurement(evaluation);
        if (result != null && m != null) {
            Map<String, Double> values = new LinkedHashMap<>(m.values());
            result.forEach((k, v) -> values.put(METRIC_PREFIX + k, v));
            evaluation.collapseMetrics = json.write(new CollapseMeasurement(values, m.sampleSizes(), m.categories(),
                    m.lengthShares(), m.perplexityShares(), m.millis()));
            gauges.update(evaluation);
        }
        LOG.infof("downstream job %s: %s %s", row.jobName, status, detail == null ? result : detail);
    }

    /** A DNS-1123 name, unique per evaluation: longtail-eval-<campaign prefix>-g<generation>-<evaluation prefix>. */
    static String jobName(Evaluation e) {
        return ("longtail-eval-" + e.campaignId.substring(0, 8) + "-g" + e.generation + "-"
                + e.id.toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }
}
