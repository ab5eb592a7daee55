package dev.longtail.curator;

import dev.longtail.support.Ids;

import dev.longtail.support.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read access to the decisions: one sample's, or a campaign's (optionally one generation's). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @GET
    @Path("/decisions/{sampleId}")
    public DecisionView decision(@PathParam("sampleId") String sampleId) {
        SampleDecision decision = SampleDecision.findById(sampleId);
        if (decision == null) {
            throw ProblemException.notFound("decision for sample", sampleId);
        }
        return DecisionView.of(decision);
    }

    @GET
    @Path("/campaigns/{id}/decisions")
    public List<DecisionView> decisions(@PathParam("id") String id, @QueryParam("generation") Integer generation) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        if (generation != null && generation < 1) {
            throw ProblemException.badRequest("generation must be >= 1, was " + generation);
        }
        boolean known = CampaignReference.findById(campaignId) != null
                || SampleDecision.count("campaignId", campaignId) > 0;
        if (!known) {
            throw ProblemException.notFound("campaign", id);
        }
        List<SampleDecision> decisions = generation == null
                ? SampleDecision.list("campaignId = ?1 order by generation, sampleId", campaignId)
                : SampleDecision.ofGeneration(campaignId, generation);
        return decisions.stream().map(DecisionView::of).toList();
    }
}
