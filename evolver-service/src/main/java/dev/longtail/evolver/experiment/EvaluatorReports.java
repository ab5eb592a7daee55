package dev.longtail.evolver.experiment;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.ServiceTokenHeaders;
import dev.longtail.support.ProblemException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Asks the evaluator ({@code longtail.evolver.evaluator-url}) for a campaign's report, with the evolver's token. A campaign the evaluator does
 * not know yet (it has not read its CampaignStarted) has no report so far; an evaluator that cannot be reached or
 * fails is a 503 problem saying so.
 */
@ApplicationScoped
public class EvaluatorReports {

    /** The evaluator's campaign reports. */
    @Path("/api/v1/campaigns")
    public interface Api {
        @GET
        @Path("/{id}/report")
        @Produces(MediaType.APPLICATION_JSON)
        Response report(@PathParam("id") String campaignId);
    }

    private final Api api;
    private final String url;

    public EvaluatorReports(EvolverConfig config, ServiceTokenHeaders serviceToken) {
        this.url = config.evaluatorUrl();
        long timeout = config.evaluatorTimeout().toMillis();
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(Math.max(1, timeout / 10), TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .clientHeadersFactory(serviceToken)
                .build(Api.class);
    }

    /** The campaign's report, or empty while the evaluator does not know the campaign. */
    public Optional<EvaluatorReport> report(UUID campaignId) {
        try (Response response = api.report(campaignId.toString())) {
            return read(campaignId, response);
        } catch (WebApplicationException e) {
            return read(campaignId, e.getResponse());
        } catch (ProcessingException e) {
            throw unavailable("cannot be reached or read (" + e.getMessage() + ")");
        }
    }

    private Optional<EvaluatorReport> read(UUID campaignId, Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw unavailable("answered HTTP " + status + " for the report of campaign " + campaignId);
        }
        return Optional.of(response.readEntity(EvaluatorReport.class));
    }

    private ProblemException unavailable(String what) {
        return new ProblemException(503, "Service Unavailable", "The evaluator at " + url + " " + what
                + ": the experiment's report is built from its campaign reports; try again once it is up", null);
    }
}
