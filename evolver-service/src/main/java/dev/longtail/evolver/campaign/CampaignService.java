package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.longtail.core.evolution.ReferenceSplit;
import dev.longtail.core.evolution.Seed;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.evolver.seedset.SeedSetService;
import dev.longtail.evolver.seedset.SeedText;
import dev.longtail.support.ProblemException;

/** Creates campaigns: the split, then generation 1 planned and evolved, in one transaction. */
@ApplicationScoped
public class CampaignService {

    /** The purpose of the random seed that splits a seed set into reference and held-out seeds. */
    static final String SPLIT = "split";

    private final EvolverConfig config;
    private final SeedSetService seedSets;
    private final GenerationPlanner planner;
    private final CampaignQueries queries;
    private final EvolutionWiring wiring;

    public CampaignService(EvolverConfig config, SeedSetService seedSets, GenerationPlanner planner,
            CampaignQueries queries, EvolutionWiring wiring) {
        this.config = config;
        this.wiring = wiring;
        this.seedSets = seedSets;
        this.planner = planner;
        this.queries = queries;
    }

    /** The campaign a request describes, every default filled in. */
    public NewCampaign describe(CreateCampaignRequest request) {
        return new NewCampaign(request.name.strip(), request.seedSetId == null ? SeedSetService.DEMO_ID
                : request.seedSetId, request.generations, request.samplesPerGeneration,
                request.randomSeed == null ? config.defaultRandomSeed() : request.randomSeed, request.backend,
                request.resolve(config.plan()), null, null,
                request.resolveEvolution(EvolutionSettings.defaults(config.evolution()), wiring.llmAvailable(), ""));
    }

    /** Persists the campaign and starts generation 1; the caller publishes after commit. */
    @Transactional
    public CampaignViews.Detail create(NewCampaign request) {
        return queries.detail(open(request, seedsOf(request.seedSetId())));
    }

    /** The seed set's seeds, or a 400 problem naming the unknown set. */
    public List<Seed> seedsOf(String seedSetId) {
        return seedSets.seeds(seedSetId)
                .orElseThrow(() -> ProblemException.badRequest("Unknown seed set '" + seedSetId + "'"));
    }

    /**
     * Persists a campaign on the given seeds in the caller's transaction: splits them by the campaign's random seed
     * (campaigns with the same seeds and random seed get the same reference and held-out seeds, whatever their arm),
     * plans generation 1 from its arm and starts it. A campaign whose first evolution yields nothing is FAILED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Campaign open(NewCampaign request, List<Seed> seeds) {
        var campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = request.name();
        campaign.seedSetId = request.seedSetId();
        campaign.status = CampaignStatus.RUNNING;
        campaign.generations = request.generations();
        campaign.samplesPerGeneration = request.samplesPerGeneration();
        campaign.randomSeed = request.randomSeed();
        campaign.arm = request.arm();
        campaign.evolution = request.evolution();
        campaign.experimentId = request.experimentId();
        campaign.armName = request.armName();
        campaign.backend = request.backend();
        campaign.createdAt = Instant.now();
        campaign.statusChangedAt = campaign.createdAt;
        campaign.persist();

        var split = ReferenceSplit.split(seeds, config.heldOutShare(), SeedMixer.derive(campaign.randomSeed, SPLIT, 0));
        persistReal(campaign, split.reference(), false);
        persistReal(campaign, split.heldOut(), true);

        planner.start(campaign, 1);
        return campaign;
    }

    private void persistReal(Campaign campaign, List<Seed> seeds, boolean heldOut) {
        int ordinal = 0;
        for (Seed seed : seeds) {
            var row = new PoolSeed();
            row.campaignId = campaign.id;
            row.generation = 0;
            row.ordinal = ++ordinal;
            row.text = SeedText.of(seed);
            row.origin = PoolSeed.Origin.REAL;
            row.heldOut = heldOut;
            row.persist();
        }
    }
}
