package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.contracts.Adjustment;
import dev.longtail.core.evolution.ReferenceSplit;
import dev.longtail.core.evolution.Seed;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.ResourceIds;
import dev.longtail.evolver.evolution.EvolutionReport;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.evolver.seedset.SeedSetService;
import dev.longtail.evolver.seedset.SeedText;
import dev.longtail.support.JsonColumns;
import dev.longtail.support.ProblemException;

/** Creates campaigns (split, plan 1, evolution of generation 1 in one transaction) and shows them. */
@ApplicationScoped
public class CampaignService {

    /** The purpose of the random seed that splits a seed set into reference and held-out seeds. */
    static final String SPLIT = "split";

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    private final EvolverConfig config;
    private final SeedSetService seedSets;
    private final GenerationStarter starter;
    private final JsonColumns json;
    private final EvolutionWiring wiring;

    public CampaignService(EvolverConfig config, SeedSetService seedSets, GenerationStarter starter, JsonColumns json,
            EvolutionWiring wiring) {
        this.config = config;
        this.wiring = wiring;
        this.seedSets = seedSets;
        this.starter = starter;
        this.json = json;
    }

    /** The campaign a request describes, every default filled in. */
    public NewCampaign describe(CreateCampaignRequest request) {
        return new NewCampaign(request.name.strip(), request.seedSetId == null ? SeedSetService.DEMO_ID
                : request.seedSetId, request.generations, request.samplesPerGeneration,
                request.randomSeed == null ? config.defaultRandomSeed() : request.randomSeed, request.backend,
                request.resolve(config.plan()), null, null,
                request.resolveEvolution(config.evolution(), wiring.llmAvailable(), ""));
    }

    /** Persists the campaign and starts generation 1; the caller publishes after commit. */
    @Transactional
    public CampaignViews.Detail create(NewCampaign request) {
        return detail(open(request, seedsOf(request.seedSetId())));
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
        campaign.createdAt = Instant.now();
        campaign.persist();

        var split = ReferenceSplit.split(seeds, config.heldOutShare(), SeedMixer.derive(campaign.randomSeed, SPLIT, 0));
        persistReal(campaign, split.reference(), false);
        persistReal(campaign, split.heldOut(), true);

        var plan = PlanRules.first(config.plan(), request.arm(),
                SeedMixer.derive(campaign.randomSeed, PlanRules.SAMPLING, 1), request.backend());
        var outcome = starter.start(campaign, 1, plan, split.reference());
        if (!outcome.started()) {
            campaign.fail(outcome.failureReason());
            LOG.warnf("Campaign %s failed: %s", campaign.id, outcome.failureReason());
        }
        return campaign;
    }

    @Transactional
    public Optional<CampaignViews.Detail> find(String id) {
        return ResourceIds.parse(id).flatMap(uuid -> Campaign.<Campaign>findByIdOptional(uuid)).map(this::detail);
    }

    @Transactional
    public List<CampaignViews.Summary> list() {
        List<Campaign> campaigns = Campaign.list("order by createdAt desc");
        return campaigns.stream().map(c -> new CampaignViews.Summary(c.id, c.name, c.seedSetId, c.status,
                c.failureReason, c.generations, c.samplesPerGeneration, c.currentGeneration, c.createdAt)).toList();
    }

    /** The pool with lineage (held-out seeds excluded: they are the evaluator's), optionally of one generation. */
    @Transactional
    public Optional<List<CampaignViews.PoolSeedView>> pool(String id, Integer generation) {
        Optional<Campaign> campaign = ResourceIds.parse(id).flatMap(uuid -> Campaign.<Campaign>findByIdOptional(uuid));
        return campaign.map(c -> {
            List<PoolSeed> seeds = generation == null
                    ? PoolSeed.list("campaignId = ?1 and heldOut = false order by generation, ordinal", c.id)
                    : PoolSeed.list("campaignId = ?1 and heldOut = false and generation = ?2 order by ordinal",
                            c.id, generation);
            return seeds.stream().map(s -> new CampaignViews.PoolSeedView(s.text.seedId(), s.generation,
                    s.origin.name(), s.parentId, s.operator, s.kind, s.text.category(), s.text.instruction(),
                    s.text.input(), s.text.output(), s.templateVersion)).toList();
        });
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

    private CampaignViews.Detail detail(Campaign c) {
        long reference = PoolSeed.count("campaignId = ?1 and origin = ?2 and heldOut = false", c.id, PoolSeed.Origin.REAL);
        long heldOut = PoolSeed.count("campaignId = ?1 and heldOut = true", c.id);
        List<CampaignViews.GenerationDetail> generations = Generation.ofCampaign(c.id).stream()
                .map(g -> new CampaignViews.GenerationDetail(g.generation, g.evolved, g.eliminated,
                        json.read(g.eliminatedByReason, new TypeReference<Map<String, Integer>>() { }),
                        CampaignViews.Plan.of(g.plan()), operators(c.id, g.generation), g.datasetVersionId,
                        g.sealedAccepted, g.verdict, g.adjustments == null ? null
                                : json.read(g.adjustments, new TypeReference<List<Adjustment>>() { }),
                        g.adjustments == null ? null : g.plan().feedbackOn(),
                        g.adjustments == null || g.plan().feedbackOn() ? null : CampaignViews.NOT_APPLIED,
                        g.publishedAt, EvolutionReport.of(g, json)))
                .toList();
        return new CampaignViews.Detail(c.id, c.name, c.seedSetId, c.status, c.failureReason, c.generations,
                c.samplesPerGeneration, c.randomSeed, c.arm, c.experimentId, c.armName, c.currentGeneration,
                (int) reference, (int) heldOut, c.createdAt, generations, c.evolutionSettings());
    }

    private static Map<String, Long> operators(UUID campaignId, int generation) {
        List<Object[]> rows = PoolSeed.getEntityManager().createQuery(
                "select p.operator, count(p) from PoolSeed p where p.campaignId = ?1 and p.generation = ?2"
                        + " and p.origin = ?3 group by p.operator order by p.operator", Object[].class)
                .setParameter(1, campaignId).setParameter(2, generation).setParameter(3, PoolSeed.Origin.EVOLVED)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
