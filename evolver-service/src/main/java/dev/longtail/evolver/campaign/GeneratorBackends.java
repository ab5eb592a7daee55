package dev.longtail.evolver.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.longtail.evolver.ServiceTokenHeaders;

/**
 * Asks the generator whether it knows a backend, so that a campaign naming an unknown one is refused when it is
 * created instead of failing every sample of every generation. When the generator cannot answer (not up yet,
 * restarting) the name is let through: the generator then fails each sample with the reason.
 */
@ApplicationScoped
public class GeneratorBackends {

    private static final Logger LOG = Logger.getLogger(GeneratorBackends.class);

    /** The generator's backend registry ({@code quarkus.rest-client.generator.*}), called with the evolver's token. */
    @RegisterRestClient(configKey = "generator")
    @RegisterClientHeaders(ServiceTokenHeaders.class)
    @Path("/api/v1/backends")
    public interface Api {
        @GET
        @Path("/{name}")
        Response backend(@PathParam("name") String name);
    }

    /** What the generator said about a backend name. */
    public enum Answer { KNOWN, UNKNOWN, NO_ANSWER }

    private final Api api;

    public GeneratorBackends(@RestClient Api api) {
        this.api = api;
    }

    /** Whether the generator knows the backend; {@link Answer#NO_ANSWER} when it could not be asked. */
    public Answer check(String name) {
        int status;
        try (Response response = api.backend(name)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        } catch (ProcessingException e) {
            LOG.warnf("Could not ask the generator about backend '%s' (%s); accepting the name", name, e.getMessage());
            return Answer.NO_ANSWER;
        }
        if (status == 200) {
            return Answer.KNOWN;
        }
        if (status == 404) {
            return Answer.UNKNOWN;
        }
        LOG.warnf("The generator answered HTTP %d about backend '%s'; accepting the name", status, name);
        return Answer.NO_ANSWER;
    }
}
