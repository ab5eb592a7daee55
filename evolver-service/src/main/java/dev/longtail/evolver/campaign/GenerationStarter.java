package dev.longtail.evolver.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.longtail.contracts.GenerationPlan;
import dev.longtail.core.evolution.Evolution;
import dev.longtail.core.evolution.EvolvedDraft;
import dev.longtail.core.evolution.GenerationDraft;
import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.evolver.seedset.SeedText;
import dev.longtail.support.JsonColumns;

/**
 * Starts a generation inside the caller's transaction: evolves the pool with the campaign's operators and the
 * guidance drawn from the previous generation (the bandit's weights, the gaps), and stores the generation row, with
 * its failure counts per operator and rule, and its evolved seeds with their lineage. A generation evolves
 * samplesPerGeneration × the plan's candidate factor seeds, so the generator samples that many and the curator waits
 * for that many. Evolution draws every evolved seed from one random stream in order, so the first n seeds of a
 * generation are the same whatever the count asked for (when n survive the smaller count's attempts): arms with the
 * same pool, operators and random seed share their first evolution. Publishing is the caller's, after commit.
 */
@ApplicationScoped
public class GenerationStarter {

    /** The purpose of a generation's evolution random seed, derived from the campaign's one random seed. */
    static final String EVOLUTION = "evolution";

    private final JsonColumns json;
    private final EvolutionWiring wiring;

    public GenerationStarter(JsonColumns json, EvolutionWiring wiring) {
        this.json = json;
        this.wiring = wiring;
    }

    /** What evolution made of the pool; {@code started} is false when nothing survived elimination. */
    public record Outcome(boolean started, int evolved, int eliminated, String failureReason) {
    }

    public Outcome start(Campaign campaign, int generation, GenerationPlan plan, List<Seed> pool) {
        long evolutionSeed = campaign.evolutionSeed(generation);
        EvolutionSettings settings = campaign.evolutionSettings();
        Evolution evolution = wiring.evolution(settings);
        EvolutionWiring.Step step = guidance(campaign, settings, generation - 1);
        GenerationDraft draft = evolution.evolve(pool, size(campaign.samplesPerGeneration, plan), plan.inBreadthShare(),
                evolutionSeed, step.guidance());
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
        row.eliminatedByReason = json.write(new TreeMap<>(draft.eliminatedByReason()));
        row.attemptsByOperator = json.write(new TreeMap<>(draft.attemptsByOperator()));
        row.eliminatedByOperator = json.write(new TreeMap<>(draft.eliminatedByOperator()));
        row.operatorWeights = json.write(step.guidance().weights().byCategory());
        row.weightChanges = json.write(step.changes());
        row.gaps = step.gaps() == null ? null : json.write(step.gaps());
        row.gainJudge = evolution.elimination().gainJudge().describe();
        row.createdAt = Instant.now();
        row.persist();
        int n = 0;
        for (EvolvedDraft evolved : draft.evolved()) {
            n++;
            var seed = new PoolSeed();
            seed.campaignId = campaign.id;
            seed.generation = generation;
            seed.ordinal = n;
            seed.parentId = evolved.parent().id();
            seed.operator = evolved.operator();
            seed.kind = evolved.kind() == null ? null : evolved.kind().name();
            seed.templateVersion = evolved.templateVersion();
            seed.text = new SeedText(evolvedSeedId(campaign, generation, n), evolved.category(), evolved.instruction(),
                    evolved.input() == null ? "" : evolved.input(), null);
            seed.origin = PoolSeed.Origin.EVOLVED;
            seed.persist();
        }
        campaign.currentGeneration = generation;
        return new Outcome(true, row.evolved, row.eliminated, null);
    }

    /** The guidance from generation {@code previous} (none before generation 1): its weights, kept seeds and version. */
    private EvolutionWiring.Step guidance(Campaign campaign, EvolutionSettings settings, int previous) {
        Optional<Generation> last = previous < 1 ? Optional.empty() : Generation.of(campaign.id, previous);
        List<EvolutionWiring.SeedOutcome> outcomes = new ArrayList<>();
        if (last.isPresent() && settings.adaptive()) {
            for (PoolSeed seed : PoolSeed.evolved(campaign.id, previous)) {
                outcomes.add(new EvolutionWiring.SeedOutcome(seed.operator, seed.text.category(), seed.acceptedAt != null));
            }
        }
        List<Seed> reference = new ArrayList<>();
        if (last.isPresent() && settings.gapGuided()) {
            PoolSeed.reference(campaign.id).forEach(seed -> reference.add(seed.toSeed()));
        }
        return wiring.guidance(settings, last.map(g -> g.operatorWeights).orElse(null), outcomes, reference,
                last.map(g -> g.sealedRecords).orElse(null));
    }

    /** How many seeds a generation evolves: the records a version keeps × the samples generated per kept record. */
    public static int size(int samplesPerGeneration, GenerationPlan plan) {
        return samplesPerGeneration * plan.candidatesPerRecord();
    }

    /** {@code <campaignId>:g<generation>:<n>}: stable, so a replayed generation keeps its ids. */
    static String evolvedSeedId(Campaign campaign, int generation, int n) {
        return campaign.id + ":g" + generation + ":" + n;
    }
}
