package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.evolution.Evolution;
import dev.longtail.core.evolution.EvolvedDraft;
import dev.longtail.core.evolution.GenerationDraft;
import dev.longtail.core.evolution.Seed;

/**
 * Starts a generation inside the caller's transaction: evolves the pool with the plan and stores the
 * generation row and its evolved seeds with their lineage. Publishing is the caller's, after commit.
 */
@ApplicationScoped
public class GenerationStarter {

    private final ObjectMapper json;

    public GenerationStarter(ObjectMapper json) {
        this.json = json;
    }

    /** What evolution made of the pool; {@code started} is false when nothing survived elimination. */
    public record Outcome(boolean started, int evolved, int eliminated, String failureReason) {
    }

    public Outcome start(Campaign campaign, int generation, GenerationPlan plan, List<Seed> pool) {
        long evolutionSeed = RandomSeeds.derive(campaign.randomSeed, RandomSeeds.EVOLUTION, generation);
        GenerationDraft draft = Evolution.standard()
                .evolve(pool, campaign.samplesPerGeneration, plan.inBreadthShare(), evolutionSeed);
        if (draft.evolved().isEmpty()) {
            String reason = "generation " + generation + ": evolution yielded no survivor from a pool of "
                    + pool.size() + " seeds (eliminated " + draft.eliminated() + ": "
                    + new TreeMap<>(draft.eliminatedByReason()) + ")";
            return new Outcome(false, 0, draft.eliminated(), reason);
        }
        var row = new Generation();
        row.campaignId = campaign.id;
        row.generation = generation;
        row.applyPlan(plan);
        row.evolutionRandomSeed = evolutionSeed;
        row.evolved = draft.evolved().size();
        row.eliminated = draft.eliminated();
        row.eliminatedByReason = write(new TreeMap<>(draft.eliminatedByReason()));
        row.createdAt = Instant.now();
        row.persist();
        int n = 0;
        for (EvolvedDraft evolved : draft.evolved()) {
            n++;
            var seed = new PoolSeed();
            seed.campaignId = campaign.id;
            seed.seedId = evolvedSeedId(campaign, generation, n);
            seed.generation = generation;
            seed.ordinal = n;
            seed.parentId = evolved.parent().id();
            seed.operator = evolved.operator();
            seed.kind = evolved.kind() == null ? null : evolved.kind().name();
            seed.category = evolved.category();
            seed.instruction = evolved.instruction();
            seed.input = evolved.input() == null ? "" : evolved.input();
            seed.origin = PoolSeed.Origin.EVOLVED;
            seed.persist();
        }
        campaign.currentGeneration = generation;
        return new Outcome(true, row.evolved, row.eliminated, null);
    }

    /** {@code <campaignId>:g<generation>:<n>}: stable, so a replayed generation keeps its ids. */
    static String evolvedSeedId(Campaign campaign, int generation, int n) {
        return campaign.id + ":g" + generation + ":" + n;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
