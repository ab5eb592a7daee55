package dev.longtail.evaluator.downstream;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.longtail.evaluator.EvaluatorConfig;
import dev.longtail.support.JsonColumns;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Downstream evaluation on Kubernetes: after a version is evaluated, submits a Job ({@link DownstreamJobSpec}) that
 * fine-tunes or evaluates a model on it, polls it, and folds its result — a JSON object of numbers the container
 * writes to {@code /dev/termination-log} — into the evaluation as {@code downstream.<name>} metrics. A job that
 * cannot be submitted, fails, or outlives its timeout (then deleted) is recorded with the reason; the loop never
 * waits for it. Finished Jobs are removed by Kubernetes after {@code ttlSecondsAfterFinished}.
 */
@ApplicationScoped
public class DownstreamJobs {

    private static final Logger LOG = Logger.getLogger(DownstreamJobs.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** How long a recorded job may be missing from the cluster before it counts as lost (a crash before create). */
    static final Duration SUBMISSION_GRACE = Duration.ofSeconds(60);

    private final EvaluatorConfig config;
    private final KubernetesClient kubernetes;
    private final JsonColumns json;
    private final DownstreamJobRecords records;
    private final DatasetTokens tokens;

    public DownstreamJobs(EvaluatorConfig config, KubernetesClient kubernetes, JsonColumns json,
            DownstreamJobRecords records, DatasetTokens tokens) {
        this.config = config;
        this.tokens = tokens;
        this.kubernetes = kubernetes;
        this.json = json;
        this.records = records;
    }

    /** Submits the evaluation's job once, when downstream evaluation is on; never throws. */
    public void submit(UUID evaluationId) {
        if (!config.downstream().enabled()) {
            return;
        }
        Optional<DownstreamJobRecords.NewJob> recorded;
        try {
            recorded = records.record(evaluationId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "downstream job for evaluation %s not recorded", evaluationId);
            return;
        }
        if (recorded.isEmpty()) {
            return;
        }
        DownstreamJob row = recorded.get().row();
        UUID datasetVersionId = recorded.get().datasetVersionId();
        try {
            String token = tokens.mint(datasetVersionId, config.downstream().timeout());
            kubernetes.batch().v1().jobs().inNamespace(row.namespace)
                    .resource(DownstreamJobSpec.of(config.downstream(), row, datasetVersionId, token)).create();
            LOG.infof("submitted downstream job %s/%s for campaign %s generation %d", row.namespace, row.jobName,
                    row.campaignId, row.generation);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return; // submitted before a crash: the poll picks it up
            }
            records.finish(row.id, DownstreamJob.Status.FAILED, "submission failed: " + e.getMessage(), null);
        } catch (RuntimeException e) {
            records.finish(row.id, DownstreamJob.Status.FAILED, "submission failed: " + e, null);
        }
    }

    /** Checks every open job: collects results, records failures, deletes jobs past their timeout. */
    @Scheduled(every = "${longtail.evaluator.downstream.poll-every:10s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.downstream().enabled()) {
            return;
        }
        for (DownstreamJob row : records.open()) {
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
            records.finish(row.id, DownstreamJob.Status.FAILED, "job " + row.jobName + " not found in namespace "
                    + row.namespace, null);
            return;
        }
        var status = job.getStatus();
        if (status != null && status.getSucceeded() != null && status.getSucceeded() > 0) {
            String message = terminationMessage(row);
            if (message == null) {
                records.finish(row.id, DownstreamJob.Status.FAILED,
                        "job succeeded without a result in its termination message", null);
                return;
            }
            Map<String, Double> result = numbers(message);
            if (result == null) {
                records.finish(row.id, DownstreamJob.Status.FAILED, "job result is not a JSON object of numbers: "
                        + abbreviate(message), null);
                return;
            }
            records.finish(row.id, DownstreamJob.Status.SUCCEEDED, null, result);
            return;
        }
        JobCondition failed = status == null || status.getConditions() == null ? null : status.getConditions().stream()
                .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
        if (failed != null) {
            boolean deadline = "DeadlineExceeded".equals(failed.getReason());
            records.finish(row.id, deadline ? DownstreamJob.Status.TIMED_OUT : DownstreamJob.Status.FAILED,
                    failed.getReason() + ": " + failed.getMessage(), null);
            return;
        }
        if (Instant.now().isAfter(row.deadline)) {
            kubernetes.batch().v1().jobs().inNamespace(row.namespace).withName(row.jobName)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            records.finish(row.id, DownstreamJob.Status.TIMED_OUT, "no result after " + config.downstream().timeout()
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

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
