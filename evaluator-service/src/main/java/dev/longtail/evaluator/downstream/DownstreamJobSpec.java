package dev.longtail.evaluator.downstream;

import dev.longtail.evaluator.EvaluatorConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Kubernetes Job of one downstream evaluation, from configuration: image, command, CPU, memory and GPU, the
 * dataset's location, ids and scoped read token ({@code LONGTAIL_DATASET_TOKEN}, {@link DatasetTokens}) in the
 * container's environment, its result in {@code /dev/termination-log}.
 */
final class DownstreamJobSpec {

    private DownstreamJobSpec() {
    }

    static Job of(EvaluatorConfig.Downstream cfg, DownstreamJob row, UUID datasetVersionId, String datasetToken) {
        String datasetUrl = cfg.datasetLocation().replace("{id}", datasetVersionId.toString());
        Map<String, Quantity> requests = new LinkedHashMap<>();
        requests.put("cpu", new Quantity(cfg.cpu()));
        requests.put("memory", new Quantity(cfg.memory()));
        Map<String, Quantity> limits = new LinkedHashMap<>(requests);
        if (cfg.gpus() > 0) {
            limits.put("nvidia.com/gpu", new Quantity(Integer.toString(cfg.gpus())));
        }
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("LONGTAIL_DATASET_URL", datasetUrl, null));
        env.add(new EnvVar("LONGTAIL_DATASET_VERSION_ID", datasetVersionId.toString(), null));
        // sent as "Authorization: Bearer $LONGTAIL_DATASET_TOKEN": reads this version's records, nothing else
        env.add(new EnvVar("LONGTAIL_DATASET_TOKEN", datasetToken, null));
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
}
