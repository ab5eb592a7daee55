package dev.longtail.curator;

import dev.longtail.core.curation.AnchorPolicy;
import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Run-time administration: the filter chain's thresholds (read, change with validation: a bad value is a 400 and
 * changes nothing) and each campaign's anchor policy.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    /** A campaign's anchor policy. */
    public record PolicyView(String campaignId, String anchorPolicy) {
    }

    private final CurationSettings settings;
    private final CurationSessions sessions;
    private final AnchorPolicies policies;

    public AdminResource(CurationSettings settings, CurationSessions sessions, AnchorPolicies policies) {
        this.settings = settings;
        this.sessions = sessions;
        this.policies = policies;
    }

    @GET
    @Path("/curation/thresholds")
    public Map<String, Object> thresholds() {
        return settings.view();
    }

    /** Changes the given thresholds only (the others keep their values); PUT and PATCH behave alike. */
    @PATCH
    @Path("/curation/thresholds")
    public Map<String, Object> patch(Map<String, Object> changes) {
        var before = settings.current().filters();
        try {
            var after = settings.update(changes).filters();
            if (!after.sameHashing(before)) {
                // signatures of cached campaigns no longer compare with new ones: rebuild them from the database
                sessions.forgetAll();
            }
            LOG.infof("curation thresholds changed: %s", changes);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return settings.view();
    }

    @PUT
    @Path("/curation/thresholds")
    public Map<String, Object> put(Map<String, Object> changes) {
        return patch(changes);
    }

    @GET
    @Path("/campaigns/{id}/anchor-policy")
    public PolicyView anchorPolicy(@PathParam("id") String id) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        AnchorPolicy policy = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> policies.of(campaignId));
        return new PolicyView(campaignId, policy.name());
    }

    /** Sets the policy of the versions the campaign seals from now on; body {"anchorPolicy": "accumulate"}. */
    @PUT
    @Path("/campaigns/{id}/anchor-policy")
    public PolicyView setAnchorPolicy(@PathParam("id") String id, Map<String, String> body) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        if (body == null || !body.containsKey("anchorPolicy")) {
            throw ProblemException.badRequest("body must be {\"anchorPolicy\": \"tail-preserving|replace|ratio|accumulate|accumulate-subsample\"}");
        }
        AnchorPolicy policy;
        try {
            policy = AnchorPolicy.parse(body.get("anchorPolicy"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return new PolicyView(campaignId, policies.set(campaignId, policy).name());
    }
}
