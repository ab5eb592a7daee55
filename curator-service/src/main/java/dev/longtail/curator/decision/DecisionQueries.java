package dev.longtail.curator.decision;

import dev.longtail.support.Ids;
import dev.longtail.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the stored decisions: one sample's, or a campaign's (optionally one generation's). */
@ApplicationScoped
public class DecisionQueries {

    /** The decision on a sample; 404 when there is none. */
    @Transactional
    public DecisionView ofSample(String sampleId) {
        SampleDecision decision = SampleDecision.findById(sampleId);
        if (decision == null) {
            throw ProblemException.notFound("decision for sample", sampleId);
        }
        return DecisionView.of(decision);
    }

    /** A campaign's decisions in generation and sample order, all or one generation's; 404 for an unknown campaign. */
    @Transactional
    public List<DecisionView> ofCampaign(String id, Integer generation) {
        String campaignId = Ids.uuid(id, "campaign id").toString();
        if (!CampaignReference.known(campaignId)) {
            throw ProblemException.notFound("campaign", id);
        }
        List<SampleDecision> decisions = generation == null
                ? SampleDecision.list("campaignId = ?1 order by generation, sampleId", campaignId)
                : SampleDecision.ofGeneration(campaignId, generation);
        return decisions.stream().map(DecisionView::of).toList();
    }
}
