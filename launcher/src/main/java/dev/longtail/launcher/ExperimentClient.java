package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Talks to the evolver's experiments API: starts an experiment (one campaign per arm and random seed), follows it
 * until its comparison report is complete, and reads that report as JSON and HTML.
 */
public final class ExperimentClient {

    private final JsonHttp http;
    private final String evolver;
    private final CampaignClient campaigns;
    private final Duration pollInterval;

    ExperimentClient(String evolverUrl, CampaignClient campaigns, Duration pollInterval) {
        this.evolver = evolverUrl;
        this.campaigns = campaigns;
        this.http = campaigns.http();
        this.pollInterval = pollInterval;
    }

    public static ExperimentClient of(LongtailStack stack) {
        return new ExperimentClient(stack.url("evolver"), CampaignClient.of(stack), CampaignClient.POLL_INTERVAL);
    }

    /** {@code POST /api/v1/experiments}; returns the new experiment as the evolver shows it (its campaigns' ids). */
    public JsonNode create(Map<String, Object> body) {
        HttpResponse<String> response = http.post(experiments(), body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The evolver refused the experiment (HTTP " + response.statusCode() + "): "
                    + response.body());
        }
        JsonNode experiment = JsonHttp.read(response.body());
        if (!experiment.path("id").isTextual() || experiment.path("id").asText().isBlank()) {
            throw new IllegalStateException("The evolver created an experiment but sent no id: " + response.body());
        }
        return experiment;
    }

    /** {@code GET /api/v1/experiments/{id}}: its status and every campaign's progress. */
    public JsonNode experiment(String id) {
        return JsonHttp.read(ok(http.get(experiments() + "/" + id), "show experiment " + id).body());
    }

    /** {@code GET /api/v1/experiments/{id}/report}: the comparison so far ({@code "complete": false} while running). */
    public JsonNode report(String id) {
        return JsonHttp.read(ok(http.get(experiments() + "/" + id + "/report"), "report on experiment " + id).body());
    }

    /** The report's HTML page, with a chart per metric. */
    public String reportHtml(String id) {
        return ok(http.get(reportHtmlUrl(id), "text/html"), "render the report of experiment " + id).body();
    }

    public String reportHtmlUrl(String id) {
        return experiments() + "/" + id + "/report.html";
    }

    /** The evaluator's report on one of the experiment's campaigns, or empty while it does not know it. */
    public Optional<JsonNode> campaignReport(String campaignId) {
        return campaigns.report(campaignId);
    }

    /**
     * Polls the experiment until the evolver says every campaign COMPLETED and its report is complete, handing every
     * state seen to {@code progress}; fails at once when a campaign FAILED or was CANCELLED (its arm can no longer be
     * compared), and after {@code timeout} naming the
     * campaigns still running.
     */
    public JsonNode awaitReport(String id, Duration timeout, Consumer<JsonNode> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode experiment = experiment(id);
            progress.accept(experiment);
            String status = experiment.path("status").asText();
            if ("FAILED".equals(status) || "CANCELLED".equals(status)) {
                throw new IllegalStateException("Experiment " + id + " " + status + ": "
                        + String.join("; ", ExperimentProgress.campaigns(experiment, status::equals)));
            }
            JsonNode report = "COMPLETED".equals(status) ? report(id) : null;
            if (report != null && report.path("complete").asBoolean(false)) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                String waitingFor = report != null
                        ? "every campaign completed but the report is still incomplete: " + report
                        : "still running: " + String.join("; ",
                        ExperimentProgress.campaigns(experiment, campaign -> !"COMPLETED".equals(campaign)));
                throw new IllegalStateException("Experiment " + id + " did not complete within "
                        + ExperimentProgress.duration(timeout) + "; " + waitingFor);
            }
            JsonHttp.pause(pollInterval, "experiment " + id);
        }
    }

    private String experiments() {
        return evolver + "/api/v1/experiments";
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The evolver failed to " + what + " (HTTP " + response.statusCode()
                    + "): " + response.body());
        }
        return response;
    }
}
