package dev.longtail.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Talks to the running services over their REST APIs: starts a campaign, follows it to its report, reads its versions. */
public final class CampaignClient {

    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final JsonHttp http;
    private final String evolver;
    private final String curator;
    private final String evaluator;

    /** A client without a token (services whose permissions are off). */
    public CampaignClient(String evolverUrl, String curatorUrl, String evaluatorUrl) {
        this(evolverUrl, curatorUrl, evaluatorUrl, null);
    }

    public CampaignClient(String evolverUrl, String curatorUrl, String evaluatorUrl, String bearerToken) {
        this.http = new JsonHttp(bearerToken);
        this.evolver = evolverUrl;
        this.curator = curatorUrl;
        this.evaluator = evaluatorUrl;
    }

    public static CampaignClient of(LongtailStack stack) {
        return new CampaignClient(stack.url("evolver"), stack.url("curator"), stack.url("evaluator"), stack.adminToken());
    }

    /** The HTTP client, with this client's token, for the other clients of the same stack. */
    JsonHttp http() {
        return http;
    }

    /** {@code POST /api/v1/campaigns} on the evolver; returns the new campaign's id. */
    public String createCampaign(String name, String seedSetId, int generations, int samplesPerGeneration, long randomSeed) {
        var body = Map.of("name", name, "seedSetId", seedSetId, "generations", generations,
                "samplesPerGeneration", samplesPerGeneration, "randomSeed", randomSeed);
        HttpResponse<String> response = http.post(evolver + "/api/v1/campaigns", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The evolver refused the campaign (HTTP " + response.statusCode() + "): "
                    + response.body());
        }
        JsonNode id = JsonHttp.read(response.body()).path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new IllegalStateException("The evolver created a campaign but sent no id: " + response.body());
        }
        return id.asText();
    }

    /** The evolver's view of a campaign ({@code GET /api/v1/campaigns/{id}}). */
    public JsonNode campaign(String campaignId) {
        HttpResponse<String> response = get(evolver + "/api/v1/campaigns/" + campaignId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The evolver does not show campaign " + campaignId
                    + " (HTTP " + response.statusCode() + "): " + response.body());
        }
        return JsonHttp.read(response.body());
    }

    /** The evaluator's report, or empty while the evaluator does not know the campaign yet (404). */
    public Optional<JsonNode> report(String campaignId) {
        HttpResponse<String> response = get(evaluator + "/api/v1/campaigns/" + campaignId + "/report");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The evaluator failed to report on campaign " + campaignId
                    + " (HTTP " + response.statusCode() + "): " + response.body());
        }
        return Optional.of(JsonHttp.read(response.body()));
    }

    /** The curator's dataset versions of a campaign ({@code GET /api/v1/datasets?campaignId=}). */
    public JsonNode datasets(String campaignId) {
        HttpResponse<String> response = get(curator + "/api/v1/datasets?campaignId=" + campaignId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The curator failed to list the dataset versions of " + campaignId
                    + " (HTTP " + response.statusCode() + "): " + response.body());
        }
        return JsonHttp.read(response.body());
    }

    /**
     * Polls the report every 500 ms until it says {@code "complete": true}; every report seen is handed to
     * {@code progress}. Fails early when the evolver marks the campaign FAILED, and after {@code timeout}.
     */
    public JsonNode awaitReport(String campaignId, Duration timeout, Consumer<JsonNode> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> report = report(campaignId);
            report.ifPresent(progress);
            if (report.isPresent() && report.get().path("complete").asBoolean(false)) {
                return report.get();
            }
            JsonNode campaign = campaign(campaignId);
            if ("FAILED".equals(campaign.path("status").asText())) {
                throw new IllegalStateException("The evolver marked campaign " + campaignId + " FAILED: " + campaign);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Campaign " + campaignId + " did not complete within "
                        + timeout.toMinutes() + " min; last report: " + report.map(JsonNode::toString).orElse("none")
                        + "; evolver: " + campaign);
            }
            JsonHttp.pause(POLL_INTERVAL, "campaign " + campaignId);
        }
    }

    private HttpResponse<String> get(String url) {
        return http.get(url);
    }
}
