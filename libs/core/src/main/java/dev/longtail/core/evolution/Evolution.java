package dev.longtail.core.evolution;

import dev.longtail.core.dedup.TextFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One generation of data evolution (Evol-Instruct, Xu et al. 2023): pick parents, pick in-depth or
 * in-breadth by the plan's share, evolve, and eliminate failed evolutions.
 *
 * <p>Parents are drawn with weight 1/sqrt(size of their category): a category of 100 seeds gets 10× the
 * draws of a single-seed category rather than 100×, which keeps the rare categories (the tail) in play
 * without starving the common ones. An evolution is eliminated for the reasons of
 * {@link EvolutionElimination}, for {@code "empty"} when the operator could not evolve the parent, and for
 * {@code "duplicate"} when it repeats an instruction of the pool or of this generation. Attempts stop at
 * {@code count} survivors or 5·count attempts. Deterministic for a given pool, operators and seed.
 */
public final class Evolution {

    /** Elimination reason: the evolved instruction repeats one of the pool or of this generation. */
    public static final String DUPLICATE = "duplicate";

    /** Attempts allowed per requested survivor. */
    public static final int ATTEMPTS_PER_SURVIVOR = 5;

    private final List<EvolutionOperator> operators;

    /** Evolution with the given operators (at least one). */
    public Evolution(List<EvolutionOperator> operators) {
        if (operators == null || operators.isEmpty()) {
            throw new IllegalArgumentException("at least one operator is required");
        }
        this.operators = List.copyOf(operators);
    }

    /** The two rule-based operators: {@link AddConstraintsOperator} and {@link TopicShiftOperator}. */
    public static Evolution standard() {
        return new Evolution(List.of(new AddConstraintsOperator(), new TopicShiftOperator()));
    }

    /** The operators in use. */
    public List<EvolutionOperator> operators() {
        return operators;
    }

    /** Evolves up to {@code count} distinct instructions from the pool (see the class description). */
    public GenerationDraft evolve(List<Seed> pool, int count, double inBreadthShare, long randomSeed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (!(inBreadthShare >= 0 && inBreadthShare <= 1)) {
            throw new IllegalArgumentException("inBreadthShare must be in [0, 1], was " + inBreadthShare);
        }
        List<EvolvedDraft> evolved = new ArrayList<>();
        Map<String, Integer> eliminatedByReason = new TreeMap<>();
        int eliminated = 0;
        if (pool.isEmpty() || count == 0) {
            return new GenerationDraft(evolved, 0, eliminatedByReason);
        }
        List<Seed> frozenPool = List.copyOf(pool);
        double[] cumulative = parentWeights(frozenPool);
        List<EvolutionOperator> inDepth = ofKind(OperatorKind.IN_DEPTH);
        List<EvolutionOperator> inBreadth = ofKind(OperatorKind.IN_BREADTH);
        Set<String> seen = new HashSet<>();
        for (Seed seed : frozenPool) {
            seen.add(TextFingerprint.of(seed.instruction()));
        }
        SplittableRandom rng = new SplittableRandom(randomSeed);
        long attempts = (long) ATTEMPTS_PER_SURVIVOR * count;
        for (long attempt = 0; attempt < attempts && evolved.size() < count; attempt++) {
            Seed parent = frozenPool.get(pick(cumulative, rng.nextDouble()));
            boolean breadth = rng.nextDouble() < inBreadthShare;
            List<EvolutionOperator> candidates = breadth ? inBreadth : inDepth;
            if (candidates.isEmpty()) {
                candidates = operators; // no operator of that kind configured: use what there is
            }
            EvolutionOperator operator = candidates.get(rng.nextInt(candidates.size()));
            Optional<String> instruction = operator.evolve(parent, frozenPool, rng);
            String reason;
            if (instruction.isEmpty()) {
                reason = EvolutionElimination.EMPTY;
            } else {
                reason = EvolutionElimination.reasonToEliminate(parent, instruction.get()).orElse(null);
                if (reason == null && !seen.add(TextFingerprint.of(instruction.get()))) {
                    reason = DUPLICATE;
                }
            }
            if (reason != null) {
                eliminated++;
                eliminatedByReason.merge(reason, 1, Integer::sum);
                continue;
            }
            evolved.add(new EvolvedDraft(parent, operator.name(), operator.kind(), parent.category(),
                    instruction.get().strip(), parent.input()));
        }
        return new GenerationDraft(evolved, eliminated, eliminatedByReason);
    }

    private List<EvolutionOperator> ofKind(OperatorKind kind) {
        return operators.stream().filter(o -> o.kind() == kind).toList();
    }

    /** Cumulative parent weights 1/sqrt(category size), normalised to end at 1. */
    private static double[] parentWeights(List<Seed> pool) {
        Map<String, Integer> sizes = new HashMap<>();
        for (Seed seed : pool) {
            sizes.merge(Objects.toString(seed.category(), ""), 1, Integer::sum);
        }
        double[] cumulative = new double[pool.size()];
        double total = 0;
        for (int i = 0; i < pool.size(); i++) {
            total += 1.0 / Math.sqrt(sizes.get(Objects.toString(pool.get(i).category(), "")));
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
