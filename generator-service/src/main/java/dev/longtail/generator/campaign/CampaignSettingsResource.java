package dev.longtail.generator.campaign;

import java.time.Instant;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.longtail.generator.backend.BackendRegistry;
import dev.longtail.generator.prompt.GenerationMode;
import dev.longtail.generator.prompt.PromptTemplates;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;
import io.smallrye.common.annotation.Blocking;

/**
 * Switches the backend (and response-template version) the Kafka loop uses for one campaign. A campaign chooses its
 * backend when it starts (the plan's {@code backend}); settings stored here override that choice for the
 * generations consumed after the change, e.g. to move a running campaign to another server. Without either, a
 * campaign uses {@code longtail.generator.default-backend}.
 */
@Path("/api/v1/campaigns/{campaignId}/generation-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignSettingsResource {

    /** The settings: a backend by name, and optionally a response-template version (else the current one). */
    public record Settings(@NotBlank @Size(max = 128) String backend, @Min(1) Integer templateVersion) {
    }

    /** What a campaign runs with, and whether it was chosen or is the default. */
    public record Effective(String campaignId, String backend, String template, boolean configured) {
    }

    private final BackendRegistry backends;
    private final PromptTemplates templates;

    public CampaignSettingsResource(BackendRegistry backends, PromptTemplates templates) {
        this.backends = backends;
        this.templates = templates;
    }

    @GET
    @Blocking
    @Transactional
    public Effective get(@PathParam("campaignId") String campaignId) {
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        if (settings == null) {
            return new Effective(campaignId, backends.defaultName(), templates.current(GenerationMode.RESPONSE).id(), false);
        }
        return new Effective(campaignId, settings.backend,
                templates.resolve(GenerationMode.RESPONSE, settings.templateVersion).orElseThrow().id(), true);
    }

    @PUT
    @Blocking
    @Transactional
    public Effective put(@PathParam("campaignId") @Size(max = 64) String campaignId, @NotNull @Valid Settings request) {
        if (backends.find(request.backend()).isEmpty()) {
            throw ProblemException.badRequest("Unknown backend " + request.backend(), java.util.List.of(
                    new Problem.Violation("backend", null, "must be one of " + backendNames())));
        }
        if (templates.resolve(GenerationMode.RESPONSE, request.templateVersion()).isEmpty()) {
            throw ProblemException.badRequest("No response template version " + request.templateVersion());
        }
        CampaignSettings settings = CampaignSettings.findById(campaignId);
        if (settings == null) {
            settings = new CampaignSettings();
            settings.campaignId = campaignId;
        }
        settings.backend = request.backend();
        settings.templateVersion = request.templateVersion();
        settings.updatedAt = Instant.now();
        settings.persist();
        return get(campaignId);
    }

    /** Back to the default backend. */
    @DELETE
    @Blocking
    @Transactional
    public Response delete(@PathParam("campaignId") String campaignId) {
        CampaignSettings.deleteById(campaignId);
        return Response.noContent().build();
    }

    private String backendNames() {
        return backends.all().stream().map(b -> b.name()).toList().toString();
    }
}
