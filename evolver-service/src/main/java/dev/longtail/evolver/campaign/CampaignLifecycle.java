package dev.longtail.evolver.campaign;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.longtail.evolver.ResourceIds;
import dev.longtail.support.ProblemException;

/**
 * An operator's transitions of a campaign, each under the campaign's row lock (the lock its consumers take, so a
 * transition and a sealed version or an evaluation never interleave):
 * <pre>
 *   RUNNING ─pause─► PAUSED ─resume─► RUNNING        RUNNING, PAUSED, FAILED ─cancel─► CANCELLED
 *   FAILED at g ─retry g─► RUNNING (or FAILED again)  the last generation complete ─► COMPLETED
 * </pre>
 * Any other transition is a 409 problem. Pausing holds the next generation back: the one in flight finishes and is
 * recorded, and resume starts the next one at once if it is due. Cancelling is final: records still in flight are
 * recorded, nothing starts again. Each transition returns the generation it started, for the caller to publish after
 * commit.
 */
@ApplicationScoped
public class CampaignLifecycle {

    private static final Logger LOG = Logger.getLogger(CampaignLifecycle.class);

    private final GenerationLoop loop;
    private final GenerationPlanner planner;

    public CampaignLifecycle(GenerationLoop loop, GenerationPlanner planner) {
        this.loop = loop;
        this.planner = planner;
    }

    /** RUNNING → PAUSED. */
    @Transactional
    public Optional<Integer> pause(String id) {
        Campaign campaign = transition(id, "pause", Set.of(CampaignStatus.RUNNING));
        campaign.moveTo(CampaignStatus.PAUSED);
        LOG.infof("Campaign %s paused at generation %d", campaign.id, campaign.currentGeneration);
        return Optional.empty();
    }

    /** PAUSED → RUNNING, starting the next generation when the current one completed while paused. */
    @Transactional
    public Optional<Integer> resume(String id) {
        Campaign campaign = transition(id, "resume", Set.of(CampaignStatus.PAUSED));
        campaign.moveTo(CampaignStatus.RUNNING);
        LOG.infof("Campaign %s resumed at generation %d", campaign.id, campaign.currentGeneration);
        return loop.drive(campaign);
    }

    /** RUNNING, PAUSED or FAILED → CANCELLED. */
    @Transactional
    public Optional<Integer> cancel(String id) {
        Campaign campaign = transition(id, "cancel",
                Set.of(CampaignStatus.RUNNING, CampaignStatus.PAUSED, CampaignStatus.FAILED));
        campaign.moveTo(CampaignStatus.CANCELLED);
        LOG.infof("Campaign %s cancelled at generation %d", campaign.id, campaign.currentGeneration);
        return Optional.empty();
    }

    /**
     * Evolves a FAILED campaign's failed generation again with a fresh random seed: RUNNING and the generation started
     * when something survives, FAILED again (with the new reason) when nothing does.
     */
    @Transactional
    public Optional<Integer> retry(String id, String generation) {
        Campaign campaign = transition(id, "retry a generation of", Set.of(CampaignStatus.FAILED));
        int g = parseGeneration(id, generation);
        if (campaign.failedGeneration == null || campaign.failedGeneration != g) {
            throw ProblemException.conflict("Generation " + g + " of campaign " + campaign.id + " did not fail"
                    + (campaign.failedGeneration == null ? "" : "; generation " + campaign.failedGeneration + " did"));
        }
        campaign.retries++;
        campaign.moveTo(CampaignStatus.RUNNING);
        LOG.infof("Campaign %s: retrying generation %d (retry %d)", campaign.id, g, campaign.retries);
        return planner.start(campaign, g) ? Optional.of(g) : Optional.empty();
    }

    /** The campaign, locked, when it may make the transition; 404 when unknown, 409 when its status forbids it. */
    private Campaign transition(String id, String action, Set<CampaignStatus> from) {
        Campaign campaign = ResourceIds.parse(id).flatMap(Campaign::lock)
                .orElseThrow(() -> ProblemException.notFound("campaign", id));
        if (!from.contains(campaign.status)) {
            throw ProblemException.conflict("Cannot " + action + " campaign " + campaign.id + ": it is "
                    + campaign.status + " (allowed from " + from.stream().map(Enum::name).sorted().toList() + ")");
        }
        return campaign;
    }

    /** A generation number in a path; anything else names no generation (404). */
    private static int parseGeneration(String campaignId, String generation) {
        try {
            return Integer.parseInt(generation);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("generation", generation + " in campaign " + campaignId);
        }
    }
}
