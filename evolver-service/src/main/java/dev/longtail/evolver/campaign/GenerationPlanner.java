package dev.longtail.evolver.campaign;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.longtail.contracts.Adjustment;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.evolution.Seed;
import dev.longtail.core.random.SeedMixer;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.support.JsonColumns;

/**
 * Starts generation g of a campaign inside the caller's transaction, the one way every path does it (creation, the
 * loop, resume, retry, fork): generation 1 is planned from the campaign's arm, every later one from the previous plan
 * and its evaluation; the pool is the reference seeds plus every evolved seed the curator accepted before g (for a
 * fork, also those it inherited from its parent). A generation that evolves nothing fails the campaign at g.
 */
@ApplicationScoped
public class GenerationPlanner {

    private static final Logger LOG = Logger.getLogger(GenerationPlanner.class);

    private final EvolverConfig config;
    private final GenerationStarter starter;
    private final JsonColumns json;

    public GenerationPlanner(EvolverConfig config, GenerationStarter starter, JsonColumns json) {
        this.config = config;
        this.starter = starter;
        this.json = json;
    }

    /** Plans, evolves and stores generation g; false (and the campaign FAILED at g) when nothing survived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean start(Campaign campaign, int g) {
        GenerationPlan plan = plan(campaign, g);
        List<Seed> pool = new ArrayList<>();
        PoolSeed.reference(campaign.id).forEach(seed -> pool.add(seed.toSeed()));
        PoolSeed.acceptedEvolvedBefore(campaign.id, g).forEach(seed -> pool.add(seed.toSeed()));
        var outcome = starter.start(campaign, g, plan, pool);
        if (!outcome.started()) {
            campaign.fail(g, outcome.failureReason());
            LOG.warnf("Campaign %s failed: %s", campaign.id, outcome.failureReason());
            return false;
        }
        campaign.failedGeneration = null;
        campaign.failureReason = null;
        LOG.infof("Campaign %s: generation %d started with %d evolved seeds from a pool of %d", campaign.id, g,
                outcome.evolved(), pool.size());
        return true;
    }

    private GenerationPlan plan(Campaign campaign, int g) {
        long samplingSeed = SeedMixer.derive(campaign.randomSeed, PlanRules.SAMPLING, g);
        if (g == 1) {
            return PlanRules.first(config.plan(), campaign.arm, samplingSeed, campaign.backend);
        }
        Generation previous = Generation.of(campaign.id, g - 1).orElseThrow(() -> new IllegalStateException(
                "campaign " + campaign.id + " has no generation " + (g - 1) + " to plan generation " + g + " from"));
        List<Adjustment> adjustments = previous.adjustments == null ? List.of()
                : json.read(previous.adjustments, new TypeReference<List<Adjustment>>() { });
        var next = PlanRules.next(previous.plan(), adjustments, samplingSeed);
        next.warnings().forEach(w -> LOG.warnf("Campaign %s generation %d: %s", campaign.id, g, w));
        if (!previous.plan().feedbackOn() && !adjustments.isEmpty()) {
            LOG.infof("Campaign %s generation %d: %d adjustments %s", campaign.id, g - 1, adjustments.size(),
                    CampaignViews.NOT_APPLIED);
        }
        return next.plan();
    }
}
