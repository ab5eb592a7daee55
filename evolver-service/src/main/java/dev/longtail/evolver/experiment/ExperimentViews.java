package dev.longtail.evolver.experiment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.evolver.campaign.CampaignStatus;

/** What the experiments API returns. */
public final class ExperimentViews {

    private ExperimentViews() {
    }

    /**
     * An experiment with its live status: {@code FAILED} as soon as one campaign failed, else {@code RUNNING} while any
     * campaign runs or is paused, else {@code CANCELLED} when one was cancelled, else {@code COMPLETED}.
     */
    public record Detail(UUID id, String name, String seedSetId, CampaignStatus status, int generations,
            int samplesPerGeneration, List<Long> randomSeeds, Instant createdAt, List<Arm> arms) {

        /** Every campaign of every arm. */
        public List<Campaign> campaigns() {
            return arms.stream().flatMap(arm -> arm.campaigns().stream()).toList();
        }
    }

    /** An arm: its settings, every one filled in, and its campaign per random seed. */
    public record Arm(String name, ArmSettings settings, List<Campaign> campaigns, EvolutionSettings evolution) {
    }

    /** The campaign an arm runs with one random seed, and how many generations it has completed (sealed and evaluated). */
    public record Campaign(long randomSeed, UUID campaignId, CampaignStatus status, int completedGenerations) {
    }

    /**
     * FAILED if any campaign failed, else RUNNING while any runs or is paused (a paused arm holds the comparison
     * back, it does not end it), else CANCELLED if any was cancelled, else COMPLETED.
     */
    static CampaignStatus statusOf(Collection<CampaignStatus> campaigns) {
        if (campaigns.contains(CampaignStatus.FAILED)) {
            return CampaignStatus.FAILED;
        }
        if (campaigns.contains(CampaignStatus.RUNNING) || campaigns.contains(CampaignStatus.PAUSED)
                || campaigns.isEmpty()) {
            return CampaignStatus.RUNNING;
        }
        return campaigns.contains(CampaignStatus.CANCELLED) ? CampaignStatus.CANCELLED : CampaignStatus.COMPLETED;
    }
}
