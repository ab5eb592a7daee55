package dev.longtail.evolver.campaign;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.evolver.ResourceIds;
import dev.longtail.evolver.messaging.EventPublisher;
import dev.longtail.support.ProblemException;

/**
 * An operator's controls of a campaign (pause, resume, cancel, retry a failed generation, fork): each commits its
 * transition first and then publishes what it started, outside any transaction (a failed publish is left to the
 * sweep), and answers with the campaign as it then stands.
 */
@ApplicationScoped
public class CampaignControls {

    private final CampaignLifecycle lifecycle;
    private final CampaignForks forks;
    private final CampaignQueries queries;
    private final CampaignStarter starter;
    private final EventPublisher publisher;

    public CampaignControls(CampaignLifecycle lifecycle, CampaignForks forks, CampaignQueries queries,
            CampaignStarter starter, EventPublisher publisher) {
        this.lifecycle = lifecycle;
        this.forks = forks;
        this.queries = queries;
        this.starter = starter;
        this.publisher = publisher;
    }

    public CampaignViews.Detail pause(String id) {
        return then(id, () -> lifecycle.pause(id));
    }

    public CampaignViews.Detail resume(String id) {
        return then(id, () -> lifecycle.resume(id));
    }

    public CampaignViews.Detail cancel(String id) {
        return then(id, () -> lifecycle.cancel(id));
    }

    public CampaignViews.Detail retry(String id, String generation) {
        return then(id, () -> lifecycle.retry(id, generation));
    }

    /** The fork, announced like a new campaign (CampaignStarted, then its generation 1) unless it FAILED. */
    public CampaignViews.Detail fork(String id, ForkCampaignRequest request) {
        starter.checkBackend(request.backend);
        var fork = forks.fork(id, request);
        if (fork.status() == CampaignStatus.FAILED) {
            return fork;
        }
        publisher.publishCampaign(fork.id());
        return queries.find(fork.id().toString()).orElse(fork);
    }

    private CampaignViews.Detail then(String id, Supplier<Optional<Integer>> transition) {
        UUID campaignId = ResourceIds.parse(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        transition.get().ifPresent(g -> {
            if (g == 1) {
                publisher.publishCampaign(campaignId);
            } else {
                publisher.publishGeneration(campaignId, g);
            }
        });
        return queries.find(id).orElseThrow();
    }
}
