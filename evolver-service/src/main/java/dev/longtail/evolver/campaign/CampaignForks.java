package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.ResourceIds;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.support.ProblemException;

/**
 * Forks a campaign at generation g: a new campaign (generation 1 onwards, its own id, arm and random seed) whose pool
 * starts from the parent's state after g — the same reference and held-out seeds, and the evolved seeds the curator
 * accepted up to g with their lineage and ids — and whose first training corpus is the parent's dataset version g.
 * The parent is left as it is.
 */
@ApplicationScoped
public class CampaignForks {

    private static final Logger LOG = Logger.getLogger(CampaignForks.class);

    private final EvolverConfig config;
    private final GenerationPlanner planner;
    private final CampaignQueries queries;
    private final EvolutionWiring wiring;

    public CampaignForks(EvolverConfig config, GenerationPlanner planner, CampaignQueries queries,
            EvolutionWiring wiring) {
        this.wiring = wiring;
        this.config = config;
        this.planner = planner;
        this.queries = queries;
    }

    /** The fork, with generation 1 started (or FAILED when it evolved nothing); the caller publishes after commit. */
    @Transactional
    public CampaignViews.Detail fork(String parentId, ForkCampaignRequest request) {
        Campaign parent = ResourceIds.parse(parentId).flatMap(Campaign::lock)
                .orElseThrow(() -> ProblemException.notFound("campaign", parentId));
        int g = request.generation;
        if (g > 0 && Generation.of(parent.id, g).filter(row -> row.sealed() && row.evaluated()).isEmpty()) {
            throw ProblemException.conflict("Cannot fork campaign " + parent.id + " at generation " + g
                    + ": that generation is not complete (sealed and evaluated); the campaign is at generation "
                    + parent.currentGeneration);
        }
        ArmSettings arm = request.armOver(parent.arm, config.plan());
        int samples = request.samplesPerGeneration != null ? request.samplesPerGeneration : parent.samplesPerGeneration;
        NewCampaign.checkGenerationSize(samples, arm, "candidateFactor");

        var fork = new Campaign();
        fork.id = UUID.randomUUID();
        fork.name = request.name != null ? request.name.strip() : forkName(parent.name, g);
        fork.seedSetId = parent.seedSetId;
        fork.status = CampaignStatus.RUNNING;
        fork.generations = request.generations != null ? request.generations : Math.max(1, parent.generations - g);
        fork.samplesPerGeneration = samples;
        fork.randomSeed = request.randomSeed != null ? request.randomSeed : parent.randomSeed;
        fork.backend = request.backend != null ? request.backend : parent.backend;
        fork.arm = arm;
        fork.evolution = request.resolveEvolution(parent.evolutionSettings(), wiring.llmAvailable(), "");
        fork.forkedFrom = parent.id;
        fork.forkedAtGeneration = g;
        fork.createdAt = Instant.now();
        fork.statusChangedAt = fork.createdAt;
        fork.persist();

        copyReal(parent, fork);
        int inherited = copyAccepted(parent, fork, g);
        LOG.infof("Campaign %s forked from %s at generation %d with %d accepted evolved seeds", fork.id, parent.id, g,
                inherited);
        planner.start(fork, 1);
        return queries.detail(fork);
    }

    private static String forkName(String parentName, int g) {
        String suffix = " (fork at " + g + ")";
        return (parentName.length() + suffix.length() > 200 ? parentName.substring(0, 200 - suffix.length())
                : parentName) + suffix;
    }

    /** The parent's reference and held-out seeds, in their order: the fork's split is the parent's. */
    private static void copyReal(Campaign parent, Campaign fork) {
        List<PoolSeed> real = PoolSeed.list("campaignId = ?1 and origin = ?2 order by heldOut, ordinal", parent.id,
                PoolSeed.Origin.REAL);
        real.forEach(seed -> copy(seed, fork, seed.generation, seed.ordinal).persist());
    }

    /**
     * The parent's accepted evolved seeds of generations 1..g, as the fork's generation 0 in the parent's pool order:
     * they keep their ids (which name the parent campaign), parents, operators and outputs.
     */
    private static int copyAccepted(Campaign parent, Campaign fork, int g) {
        List<PoolSeed> accepted = PoolSeed.acceptedEvolvedBefore(parent.id, g + 1);
        int ordinal = 0;
        for (PoolSeed seed : accepted) {
            PoolSeed copy = copy(seed, fork, 0, ++ordinal);
            copy.acceptedAt = seed.acceptedAt;
            copy.persist();
        }
        return accepted.size();
    }

    private static PoolSeed copy(PoolSeed seed, Campaign fork, int generation, int ordinal) {
        var copy = new PoolSeed();
        copy.campaignId = fork.id;
        copy.generation = generation;
        copy.ordinal = ordinal;
        copy.parentId = seed.parentId;
        copy.operator = seed.operator;
        copy.kind = seed.kind;
        copy.templateVersion = seed.templateVersion;
        copy.text = seed.text;
        copy.origin = seed.origin;
        copy.heldOut = seed.heldOut;
        return copy;
    }
}
