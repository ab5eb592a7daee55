package dev.longtail.evolver.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.ResourceIds;
import dev.longtail.evolver.campaign.ArmSettings;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.evolver.campaign.Campaign;
import dev.longtail.evolver.campaign.CampaignQueries;
import dev.longtail.evolver.campaign.CampaignService;
import dev.longtail.evolver.campaign.CampaignStatus;
import dev.longtail.evolver.campaign.NewCampaign;
import dev.longtail.evolver.paging.Page;
import dev.longtail.evolver.paging.PageRequest;
import dev.longtail.support.JsonColumns;

/** Creates an experiment with all its campaigns in one transaction, and shows experiments with their live status. */
@ApplicationScoped
public class ExperimentService {

    /** Longest share of a campaign's name that repeats the experiment's (the column holds 200). */
    private static final int NAME_PREFIX = 140;

    private final CampaignService campaigns;
    private final JsonColumns json;

    public ExperimentService(CampaignService campaigns, JsonColumns json) {
        this.campaigns = campaigns;
        this.json = json;
    }

    /** The new experiment and the campaigns whose first generation is ready to publish (not FAILED). */
    public record Created(UUID id, List<UUID> toPublish) {
    }

    /**
     * Persists the experiment, its arms ({@code settings} resolved, in the request's order) and one campaign per
     * (arm, random seed), each with generation 1 started; the caller publishes after commit.
     */
    @Transactional
    public Created create(CreateExperimentRequest request, String seedSetId, List<ArmSettings> settings,
            List<EvolutionSettings> evolution) {
        List<Seed> seeds = campaigns.seedsOf(seedSetId);
        var experiment = new Experiment();
        experiment.id = UUID.randomUUID();
        experiment.name = request.name().strip();
        experiment.seedSetId = seedSetId;
        experiment.generations = request.generations();
        experiment.samplesPerGeneration = request.samplesPerGeneration();
        experiment.randomSeeds = json.write(request.randomSeeds());
        experiment.createdAt = Instant.now();
        experiment.persist();

        String prefix = experiment.name.length() > NAME_PREFIX ? experiment.name.substring(0, NAME_PREFIX)
                : experiment.name;
        List<UUID> toPublish = new ArrayList<>();
        for (int i = 0; i < request.arms().size(); i++) {
            var arm = new ExperimentArm();
            arm.experimentId = experiment.id;
            arm.position = i;
            arm.name = request.arms().get(i).name;
            arm.settings = settings.get(i);
            arm.evolution = evolution.get(i);
            arm.persist();
            for (long randomSeed : request.randomSeeds()) {
                Campaign campaign = campaigns.open(new NewCampaign(prefix + " [" + arm.name + ", seed " + randomSeed
                        + "]", seedSetId, experiment.generations, experiment.samplesPerGeneration, randomSeed, null,
                        arm.settings, experiment.id, arm.name, arm.evolution), seeds);
                if (campaign.status != CampaignStatus.FAILED) {
                    toPublish.add(campaign.id);
                }
            }
        }
        return new Created(experiment.id, toPublish);
    }

    @Transactional
    public Optional<ExperimentViews.Detail> find(String id) {
        return ResourceIds.parse(id).flatMap(uuid -> Experiment.<Experiment>findByIdOptional(uuid)).map(this::detail);
    }

    /** A page of experiments, the newest first. */
    @Transactional
    public Page<ExperimentViews.Detail> list(PageRequest request) {
        var query = Experiment.<Experiment>find("order by createdAt desc, id");
        List<Experiment> experiments = query.page(request.page(), request.size()).list();
        return Page.of(experiments.stream().map(this::detail).toList(), request, query.count());
    }

    private ExperimentViews.Detail detail(Experiment experiment) {
        List<Long> randomSeeds = json.read(experiment.randomSeeds, new TypeReference<List<Long>>() { });
        List<Campaign> all = Campaign.list("experimentId = ?1", experiment.id);
        Map<UUID, Long> completed = CampaignQueries.completedGenerations(all.stream().map(c -> c.id).toList());
        Map<String, Map<Long, Campaign>> byArm = new HashMap<>();
        all.forEach(c -> byArm.computeIfAbsent(c.armName, a -> new HashMap<>()).put(c.randomSeed, c));
        List<ExperimentViews.Arm> arms = new ArrayList<>();
        for (ExperimentArm arm : ExperimentArm.of(experiment.id)) {
            Map<Long, Campaign> bySeed = byArm.getOrDefault(arm.name, Map.of());
            List<ExperimentViews.Campaign> runs = randomSeeds.stream().map(bySeed::get).filter(Objects::nonNull)
                    .map(c -> new ExperimentViews.Campaign(c.randomSeed, c.id, c.status,
                            completed.getOrDefault(c.id, 0L).intValue()))
                    .toList();
            arms.add(new ExperimentViews.Arm(arm.name, arm.settings, runs, arm.evolution == null
                    || arm.evolution.operatorNames() == null ? EvolutionSettings.BEFORE_OPERATOR_SETS : arm.evolution));
        }
        return new ExperimentViews.Detail(experiment.id, experiment.name, experiment.seedSetId,
                ExperimentViews.statusOf(all.stream().map(c -> c.status).toList()), experiment.generations,
                experiment.samplesPerGeneration, randomSeeds, experiment.createdAt, arms);
    }
}
