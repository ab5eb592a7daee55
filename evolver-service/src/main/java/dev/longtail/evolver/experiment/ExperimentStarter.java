package dev.longtail.evolver.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.evolver.campaign.NewCampaign;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.evolver.messaging.EventPublisher;
import dev.longtail.evolver.seedset.SeedSetService;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * Starts an experiment: checks what Bean Validation cannot (arm names and random seeds given once, each arm's
 * generation size), creates the experiment and every campaign in one transaction, then publishes each campaign's
 * CampaignStarted and generation 1 through the outbox publisher (a failed send is left to its sweep).
 */
@ApplicationScoped
public class ExperimentStarter {

    private final ExperimentService experiments;
    private final EventPublisher publisher;
    private final EvolverConfig config;
    private final EvolutionWiring wiring;

    public ExperimentStarter(ExperimentService experiments, EventPublisher publisher, EvolverConfig config,
            EvolutionWiring wiring) {
        this.wiring = wiring;
        this.experiments = experiments;
        this.publisher = publisher;
        this.config = config;
    }

    /** The started experiment as it stands after publishing. */
    public ExperimentViews.Detail start(CreateExperimentRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        request.arms().forEach(arm -> {
            if (!names.add(arm.name)) {
                violations.add(new Problem.Violation("arms", null, "arm name '" + arm.name + "' is given twice"));
            }
        });
        if (new HashSet<>(request.randomSeeds()).size() < request.randomSeeds().size()) {
            violations.add(new Problem.Violation("randomSeeds", null, "a random seed is given twice"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The experiment is invalid", violations);
        }
        List<ArmSettings> settings = new ArrayList<>();
        List<EvolutionSettings> evolution = new ArrayList<>();
        for (int i = 0; i < request.arms().size(); i++) {
            ArmSettings arm = request.arms().get(i).resolve(config.plan());
            NewCampaign.checkGenerationSize(request.samplesPerGeneration(), arm, "arms[" + i + "].candidateFactor");
            settings.add(arm);
            evolution.add(request.arms().get(i).resolveEvolution(EvolutionSettings.defaults(config.evolution()),
                    wiring.llmAvailable(),
                    "arms[" + i + "]."));
        }
        String seedSetId = request.seedSetId() == null ? SeedSetService.DEMO_ID : request.seedSetId();
        ExperimentService.Created created = experiments.create(request, seedSetId, settings, evolution);
        for (UUID campaignId : created.toPublish()) {
            publisher.publishCampaign(campaignId);
        }
        return experiments.find(created.id().toString()).orElseThrow();
    }
}
