package dev.longtail.generator.campaign;

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

    private final CampaignSettingsService settings;

    public CampaignSettingsResource(CampaignSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Blocking
    public CampaignSettingsService.Effective get(@PathParam("campaignId") String campaignId) {
        return settings.effective(campaignId);
    }

    @PUT
    @Blocking
    public CampaignSettingsService.Effective put(@PathParam("campaignId") @Size(max = 64) String campaignId,
            @NotNull @Valid Settings request) {
        return settings.choose(campaignId, request.backend(), request.templateVersion());
    }

    /** Back to the default backend. */
    @DELETE
    @Blocking
    public Response delete(@PathParam("campaignId") String campaignId) {
        settings.reset(campaignId);
        return Response.noContent().build();
    }
}
