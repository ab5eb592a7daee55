package dev.longtail.evaluator;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.core.metrics.CollapseMeasurement;
import dev.longtail.support.JsonColumns;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Downstream evaluation on Kubernetes: after a version is evaluated, submits a Job (image, command, CPU, memory and
 * GPU from configuration; the dataset's location in its environment) that fine-tunes or evaluates a model on it,
 * polls it, and folds its result — a JSON object of numbers the container writes to {@code /dev/termination-log} —
 * into the evaluation as {@code downstream.<name>} metrics. A job that cannot be submitted, fails, or outlives its
 * timeout (then deleted) is recorded with the reason; the loop never waits for it. Finished Jobs are removed by
 * Kubernetes after {@code ttlSecondsAfterFinished}.
 */
@ApplicationScoped
public class DownstreamJobs {

    private static final Logger LOG = Logger.getLogger(DownstreamJobs.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** How long a recorded job may be missing from the cluster before it counts as lost (a crash before create). */
    static final java.time.Duration SUBMISSION_GRACE = java.time.Duration.ofSeconds(60);
    /** Prefix of the downstream numbers among an evaluation's metrics. */
    public static final String METRIC_PREFIX = "downstream.";

    private final EvaluatorConfig config;
    private final KubernetesClient kubernetes;
    private final JsonColumns json;
    private final CampaignGauges gauges;

    public DownstreamJobs(EvaluatorConfig config, KubernetesClient kubernetes, JsonColumns json, CampaignGauges gauges) {
        this.config = config;
        this.kubernetes = kubernetes;
        this.json = json;
        this.gauges = gauges;
    }

    /** Submits the evaluation's job once, when downstream evaluation is on; never throws. */
    public void submit(UUID evaluationId) {
        var cfg = config.downstream();
        if (!cfg.enabled()) {
            return;
        }
        DownstreamJob row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> record(evaluationId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "downstream job for evaluation %s not recorded", evaluationId);
            return;
        }
        if (row == null) {
            return;
        }
        try {
            kubernetes.batch().v1().jobs().inNamespace(row.namespace).resource(jobFor(row)).create();
            LOG.infof("submitted downstream job %s/%s for campaign %s generation %d", row.namespace, row.jobName,
                    row.campaignId, row.generation);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return; // submitted before a crash: the poll picks it up
            }
            finish(row.id, DownstreamJob.Status.FAILED, "submission failed: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            finish(row.id, DownstreamJob.Status.FAILED, "submission failed: " + e, null);
        }
    }

    /** Checks every open job: collects results, records failures, deletes jobs past their timeout. */
    @Scheduled(every = "${longtail.evaluator.downstream.poll-every:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.downstream().enabled()) {
            return;
        }
        List<DownstreamJob> open = QuarkusTransaction.requiringNew().call(DownstreamJob::open);
        for (DownstreamJob row : open) {
            try {
                check(row);
            } catch (RuntimeException e) {
                LOG.warnf(e, "downstream job %s/%s not checked; next poll retries", row.namespace, row.jobName);
            }
        }
    }

    private void check(DownstreamJob row) {
        Job job = kubernetes.batch().v1().jobs().inNamespace(row.namespace).withName(row.jobName).get();
        if (job == null) {
            if (Instant.now().isBefore(row.submittedAt.plus(SUBMISSION_GRACE))) {
                return; // recorded just now, created in a moment (the row is written before the Job)
            }
            finish(row.id, DownstreamJob.Status.FAILED, "job " + row.jobName + " not found in namespace " + row.namespace, null);
            return;
        }
        var status = job.getStatus();
        if (status != null && status.getSucceeded() != null && status.getSucceeded() > 0) {
            String message = terminationMessage(row);
            if (message == null) {
                finish(row.id, DownstreamJob.Status.FAILED, "job succeeded without a result in its termination message", null);
                return;
            }
            Map<String, Double> result = numbers(message);
            if (result == null) {
                finish(row.id, DownstreamJob.Status.FAILED, "job result is not a JSON object of numbers: "
                        + abbreviate(message), null);
                return;
            }
            finish(row.id, DownstreamJob.Status.SUCCEEDED, null, result);
            return;
        }
        JobCondition failed = status == null || status.getConditions() == null ? null : status.getConditions().stream()
                .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
        if (failed != null) {
            boolean deadline = "DeadlineExceeded".equals(failed.getReason());
            finish(row.id, deadline ? DownstreamJob.Status.TIMED_OUT : DownstreamJob.Status.FAILED,
                    failed.getReason() + ": " + failed.getMessage(), null);
            return;
        }
        if (Instant.now().isAfter(row.deadline)) {
            kubernetes.batch().v1().jobs().inNamespace(row.namespace).withName(row.jobName).withPropagationPolicy(
                    io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
            finish(row.id, DownstreamJob.Status.TIMED_OUT, "no result after " + config.downstream().timeout()
                    + "; job deleted", null);
        }
    }

    private String terminationMessage(DownstreamJob row) {
        for (Pod pod : kubernetes.pods().inNamespace(row.namespace).withLabel("job-name", row.jobName).list().getItems()) {
            if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                continue;
            }
            for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
                var terminated = cs.getState() == null ? null : cs.getState().getTerminated();
                if (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() == 0
                        && terminated.getMessage() != null && !terminated.getMessage().isBlank()) {
                    return terminated.getMessage().trim();
                }
            }
        }
        return null;
    }

    private Map<String, Double> numbers(String message) {
        try {
            Map<String, Object> raw = json.read(message, OBJECT);
            Map<String, Double> out = new LinkedHashMap<>();
            for (var e : raw.entrySet()) {
                if (!(e.getValue() instanceof Number n)) {
                    return null;
                }
                out.put(e.getKey(), n.doubleValue());
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Records the outcome; a result is folded into the evaluation's metrics and gauges. */
    private void finish(UUID id, DownstreamJob.Status status, String detail, Map<String, Double> result) {
        QuarkusTransaction.requiringNew().run(() -> {
            DownstreamJob row = DownstreamJob.findById(id);
            if (row == null || row.status != DownstreamJob.Status.SUBMITTED) {
                return;
            }
            row.status = status;
            row.detail = detail;
            row.result = result == null ? null : json.write(result);
            row.finishedAt = Instant.now();
            Evaluation evaluation = Evaluation.findById(row.evaluationId);
            if (result != null && evaluation != null && evaluation.collapseMetrics != null) {
                CollapseMeasurement m = json.read(evaluation.collapseMetrics, CollapseMeasurement.class);
                Map<String, Double> values = new LinkedHashMap<>(m.values());
                result.forEach((k, v) -> values.put(METRIC_PREFIX + k, v));
                evaluation.collapseMetrics = json.write(new CollapseMeasurement(values, m.sampleSizes(), m.categories(),
                        m.lengthShares(), m.perplexityShares(), m.millis()));
                gauges.update(evaluation);
            }
            LOG.infof("downstream job %s: %s %s", row.jobName, status, detail == null ? result : detail);
        });
    }

    private DownstreamJob record(UUID evaluationId) {
        if (DownstreamJob.ofEvaluation(evaluationId).isPresent()) {
            return null;
        }
        Evaluation e = Evaluation.findById(evaluationId);
        if (e == null) {
            return null;
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
        return row;
    }

    /** A DNS-1123 name, unique per evaluation: longtail-eval-<campaign prefix>-g<generation>-<evaluation prefix>. */
    static String jobName(Evaluation e) {
        return ("longtail-eval-" + e.campaignId.substring(0, 8) + "-g" + e.generation + "-"
                + e.id.toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    Job jobFor(DownstreamJob row) {
        var cfg = config.downstream();
        Evaluation e = QuarkusTransaction.requiringNew().call(() -> Evaluation.findById(row.evaluationId));
        String datasetUrl = cfg.datasetLocation().replace("{id}", e.datasetVersionId.toString());
        Map<String, Quantity> requests = new LinkedHashMap<>();
        requests.put("cpu", new Quantity(cfg.cpu()));
        requests.put("memory", new Quantity(cfg.memory()));
        Map<String, Quantity> limits = new LinkedHashMap<>(requests);
        if (cfg.gpus() > 0) {
            limits.put("nvidia.com/gpu", new Quantity(Integer.toString(cfg.gpus())));
        }
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("LONGTAIL_DATASET_URL", datasetUrl, null));
        env.add(new EnvVar("LONGTAIL_DATASET_VERSION_ID", e.datasetVersionId.toString(), null));
        env.add(new EnvVar("LONGTAIL_CAMPAIGN_ID", row.campaignId, null));
        env.add(new EnvVar("LONGTAIL_GENERATION", Integer.toString(row.generation), null));
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "longtail",
                "app.kubernetes.io/component", "downstream-evaluation", "longtail.dev/campaign", row.campaignId,
                "longtail.dev/generation", Integer.toString(row.generation));
        return new JobBuilder()
                .withNewMetadata().withName(row.jobName).withNamespace(row.namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(cfg.backoffLimit())
                .withActiveDeadlineSeconds(cfg.timeout().toSeconds())
                .withTtlSecondsAfterFinished((int) cfg.ttlAfterFinished().toSeconds())
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("downstream")
                .withImage(cfg.image())
                .withCommand(cfg.command().orElse(List.of()))
                .withEnv(env)
                .withTerminationMessagePath("/dev/termination-log")
                .withTerminationMessagePolicy("File")
                .withNewResources().withRequests(requests).withLimits(limits).endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
