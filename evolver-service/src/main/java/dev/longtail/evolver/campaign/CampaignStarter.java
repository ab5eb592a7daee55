package dev.longtail.evolver.campaign;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.evolver.messaging.EventPublisher;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * Starts a campaign from a request: checks its backend with the generator, creates the campaign and its first
 * generation in one transaction, then publishes CampaignStarted and generation 1. Runs outside any transaction
 * itself: the remote call must not hold a database connection, and publishing happens after commit.
 */
@ApplicationScoped
public class CampaignStarter {

    private final CampaignService campaigns;
    private final CampaignQueries queries;
    private final EventPublisher publisher;
    private final GeneratorBackends backends;

    public CampaignStarter(CampaignService campaigns, CampaignQueries queries, EventPublisher publisher,
            GeneratorBackends backends) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.publisher = publisher;
        this.backends = backends;
    }

    /**
     * The started campaign as it stands after publishing; a 400 problem when the generator has no such backend or a
     * generation would evolve too many seeds.
     */
    public CampaignViews.Detail start(CreateCampaignRequest request) {
        NewCampaign campaign = campaigns.describe(request);
        NewCampaign.checkGenerationSize(campaign.samplesPerGeneration(), campaign.arm(), "candidateFactor");
        checkBackend(campaign.backend());
        var created = campaigns.create(campaign);
        if (created.status() == CampaignStatus.FAILED) {
            return created;
        }
        // a failure here leaves the records unpublished for the sweep; the campaign stands
        publisher.publishCampaign(created.id());
        return queries.find(created.id().toString()).orElse(created);
    }

    /** A 400 problem when the generator says it has no such backend (a name it cannot be asked about passes). */
    public void checkBackend(String backend) {
        if (backend != null && backends.check(backend) == GeneratorBackends.Answer.UNKNOWN) {
            throw ProblemException.badRequest("The generator has no backend '" + backend
                    + "' (GET /api/v1/backends on the generator lists them)",
                    List.of(new Problem.Violation("backend", null, "unknown backend")));
        }
    }
}
