package dev.longtail.curator.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import dev.longtail.support.admin.Actors;
import java.util.Map;

/**
 * The curator's own run-time administration ({@link CurationAdmin}): the filter chain's thresholds (read, change with
 * validation: a bad value is a 400 and changes nothing), the same keys as in {@code /admin/config}, and each
 * campaign's anchor policy override. Both are persisted and audited.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** The body of a policy change: {"anchorPolicy": "accumulate"}. */
    public record AnchorPolicyChange(
            @NotBlank(message = "must name one of tail-preserving, replace, ratio, accumulate, accumulate-subsample")
            String anchorPolicy) {
    }

    private final CurationAdmin admin;

    public AdminResource(CurationAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Path("/curation/thresholds")
    public Map<String, Object> thresholds() {
        return admin.thresholds();
    }

    /** Changes the given thresholds only (the others keep their values); PUT and PATCH behave alike. */
    @PATCH
    @Path("/curation/thresholds")
    public Map<String, Object> patch(@NotEmpty(message = "must name at least one threshold") Map<String, Object> changes,
            @Context SecurityContext security) {
        return admin.changeThresholds(changes, Actors.of(security));
    }

    @PUT
    @Path("/curation/thresholds")
    public Map<String, Object> put(@NotEmpty(message = "must name at least one threshold") Map<String, Object> changes,
            @Context SecurityContext security) {
        return admin.changeThresholds(changes, Actors.of(security));
    }

    @GET
    @Path("/campaigns/{id}/anchor-policy")
    public CurationAdmin.PolicyView anchorPolicy(@PathParam("id") String id) {
        return admin.anchorPolicy(id);
    }

    /** Overrides the policy of the versions the campaign seals from now on (it beats the arm's plan). */
    @PUT
    @Path("/campaigns/{id}/anchor-policy")
    public CurationAdmin.PolicyView setAnchorPolicy(@PathParam("id") String id,
            @NotNull @Valid AnchorPolicyChange body, @Context SecurityContext security) {
        return admin.setAnchorPolicy(id, body.anchorPolicy(), Actors.of(security));
    }

    /** Withdraws the override: the policy in force afterwards (the plan's or the default). */
    @DELETE
    @Path("/campaigns/{id}/anchor-policy")
    public CurationAdmin.PolicyView clearAnchorPolicy(@PathParam("id") String id, @Context SecurityContext security) {
        return admin.clearAnchorPolicy(id, Actors.of(security));
    }
}
