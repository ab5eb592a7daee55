package dev.longtail.curator.version;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.SampleGenerated;
import dev.longtail.curator.decision.CampaignReference;
import dev.longtail.curator.decision.SampleDecider;
import dev.longtail.support.CampaignLocks;
import dev.longtail.support.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign's curation in the loop, each event in one transaction under the campaign's lock: store the campaign's
 * reference, decide on a sample, and seal a generation exactly when its last decision and the reference are both
 * there, whichever arrived last.
 */
@ApplicationScoped
public class CampaignCuration {

    private final CampaignLocks locks;
    private final SampleDecider decider;
    private final VersionSealer sealer;
    private final JsonColumns json;

    public CampaignCuration(CampaignLocks locks, SampleDecider decider, VersionSealer sealer, JsonColumns json) {
        this.locks = locks;
        this.decider = decider;
        this.sealer = sealer;
        this.json = json;
    }

    /**
     * Stores the reference seeds (once) and seals every generation of the campaign that was only waiting
     * for them. Returns the ids of the versions sealed now, to publish after commit.
     */
    @Transactional
    public List<UUID> recordReference(String campaignId, CampaignStarted campaign) {
        locks.lock(campaignId);
        if (CampaignReference.findById(campaignId) == null) {
            var reference = new CampaignReference();
            reference.campaignId = campaignId;
            reference.referenceSeeds = json.write(campaign.referenceSeeds());
            reference.generations = campaign.generations() > 0 ? campaign.generations() : null;
            reference.receivedAt = Instant.now();
            reference.persist();
        }
        return sealer.sealWaiting(campaignId);
    }

    /**
     * Decides on a sample (a redelivered sample changes nothing), persists the decision, and seals its
     * generation if this was the last decision missing. Returns the version sealed now, if any, to publish after
     * commit.
     */
    @Transactional
    public Optional<UUID> decide(String campaignId, SampleGenerated sample) {
        locks.lock(campaignId);
        if (decider.decide(campaignId, sample).isEmpty()) {
            return Optional.empty();
        }
        return sealer.sealIfComplete(campaignId, sample.generation());
    }
}
