package dev.longtail.evolver.evolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.longtail.core.evolution.Evolution;
import dev.longtail.core.evolution.EvolvedDraft;
import dev.longtail.core.evolution.GenerationDraft;
import dev.longtail.core.evolution.Seed;
import dev.longtail.evolver.EvolverConfig;
import dev.longtail.evolver.campaign.EvolutionSettings;
import dev.longtail.evolver.evolution.EvolutionWiring;
import dev.longtail.support.Problem;
import dev.longtail.support.ProblemException;

/**
 * Evolution as a service for platforms that want only evolution: seeds in, evolved seeds out, nothing stored. Runs
 * libs/core's {@link Evolution} with the same operators, elimination and determinism as a campaign's generation
 * (the same seeds, count, share and random seed give the same answer).
 */
@ApplicationScoped
public class SynchronousEvolution {

    /** The category of a seed that names none. */
    static final String DEFAULT_CATEGORY = "general";

    private final EvolverConfig config;
    private final EvolutionWiring wiring;

    public SynchronousEvolution(EvolverConfig config, EvolutionWiring wiring) {
        this.config = config;
        this.wiring = wiring;
    }

    /** The evolved seeds with their lineage, and what elimination removed. */
    public record Evolved(List<EvolvedSeedView> evolved, int eliminated, Map<String, Integer> eliminatedByReason,
            double inBreadthShare, long randomSeed) {
    }

    /** An evolved seed: a new instruction, the seed it came from, and the operator that made it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvolvedSeedView(String id, String parentId, String operator, String kind, String category,
            String instruction, String input) {
    }

    public Evolved evolve(EvolveRequest request) {
        List<Seed> seeds = seeds(request.seeds);
        double share = request.inBreadthShare != null ? request.inBreadthShare : config.plan().inBreadthShare();
        long randomSeed = request.randomSeed != null ? request.randomSeed : config.defaultRandomSeed();
        GenerationDraft draft = evolution().evolve(seeds, request.count, share, randomSeed);
        List<EvolvedSeedView> evolved = new ArrayList<>();
        int n = 0;
        for (EvolvedDraft d : draft.evolved()) {
            evolved.add(new EvolvedSeedView("evolved-" + ++n, d.parent().id(), d.operator(),
                    d.kind() == null ? null : d.kind().name(), d.category(), d.instruction(),
                    d.input() == null || d.input().isEmpty() ? null : d.input()));
        }
        return new Evolved(evolved, draft.eliminated(), new TreeMap<>(draft.eliminatedByReason()), share, randomSeed);
    }

    /**
     * The one place this API reaches libs/core's evolution: the operator set and form a campaign uses by default
     * ({@code longtail.evolver.evolution.*}), without guidance (there is no previous generation).
     */
    Evolution evolution() {
        return wiring.evolution(EvolutionSettings.defaults(config.evolution()));
    }

    /** The request's seeds; an id left out is {@code seed-<position>}; two seeds with one id are a 400 problem. */
    private static List<Seed> seeds(List<EvolveRequest.SeedInput> inputs) {
        List<Seed> seeds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            EvolveRequest.SeedInput in = inputs.get(i);
            String id = in.id != null ? in.id : "seed-" + (i + 1);
            if (!ids.add(id)) {
                throw ProblemException.badRequest("Seed id '" + id + "' appears twice",
                        List.of(new Problem.Violation("seeds[" + i + "].id", null, "duplicate id")));
            }
            seeds.add(new Seed(id, in.category != null ? in.category : DEFAULT_CATEGORY, in.instruction.strip(),
                    in.input == null ? "" : in.input, in.output));
        }
        return seeds;
    }
}
